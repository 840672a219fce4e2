package io.sluice.table.print;

import static io.sluice.table.print.TableauPrinterTest.print;
import static io.sluice.table.print.TableauPrinterTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Golden outputs of the CSV, TSV and JSON printers. */
class TextPrintersTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ResolvedSchema TEXT = schema("id", LogicalType.integer(), "text", LogicalType.string());

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        String out = print(new CsvPrinter(false, UTC), TEXT,
                Row.of(1, "plain"),
                Row.of(2, "a,b"),
                Row.of(3, "say \"hi\""),
                Row.of(4, "two\nlines"),
                Row.of(5, "cr\rhere"),
                Row.of(6, ""),
                Row.of(null, null),
                Row.of(7, "ünïcödé 中文"));
        assertEquals("id,text\n"
                + "1,plain\n"
                + "2,\"a,b\"\n"
                + "3,\"say \"\"hi\"\"\"\n"
                + "4,\"two\nlines\"\n"
                + "5,\"cr\rhere\"\n"
                + "6,\"\"\n"
                + ",\n"
                + "7,ünïcödé 中文\n", out);
    }

    @Test
    void csvStreamingStartsWithOpAndQuotesHeader() {
        ResolvedSchema s = schema("a,b", LogicalType.bigint(), "ts", LogicalType.timestamp(3));
        String out = print(new CsvPrinter(true, UTC), s,
                Row.ofKind(RowKind.INSERT, 1L, LocalDateTime.of(2024, 1, 31, 10, 0, 5)),
                Row.ofKind(RowKind.UPDATE_BEFORE, 1L, null),
                Row.ofKind(RowKind.UPDATE_AFTER, 2L, null),
                Row.ofKind(RowKind.DELETE, null, null));
        assertEquals("op,\"a,b\",ts\n"
                + "+I,1,2024-01-31 10:00:05.000\n"
                + "-U,1,\n"
                + "+U,2,\n"
                + "-D,,\n", out);
    }

    @Test
    void csvEmptyResultIsHeaderOnly() {
        assertEquals("id,text\n", print(new CsvPrinter(false, UTC), TEXT));
        assertEquals("op,id,text\n", print(new CsvPrinter(true, UTC), TEXT));
    }

    @Test
    void tsvEscapesSeparatorsAndLineBreaks() {
        String out = print(new TsvPrinter(false, UTC), TEXT,
                Row.of(1, "a\tb"),
                Row.of(2, "x\ny\r"),
                Row.of(3, "back\\slash"),
                Row.of(null, null),
                Row.of(4, "中文, \"q\""));
        assertEquals("id\ttext\n"
                + "1\ta\\tb\n"
                + "2\tx\\ny\\r\n"
                + "3\tback\\\\slash\n"
                + "\t\n"
                + "4\t中文, \"q\"\n", out);
    }

    @Test
    void tsvStreamingStartsWithOp() {
        String out = print(new TsvPrinter(true, UTC), TEXT, Row.ofKind(RowKind.UPDATE_AFTER, 1, "x"));
        assertEquals("op\tid\ttext\n+U\t1\tx\n", out);
    }

    @Test
    void jsonWritesNumbersAsNumbersAndTheRestAsFlinkStrings() {
        ResolvedSchema s = schema("i", LogicalType.integer(), "d", LogicalType.decimal(20, 2), "f", LogicalType.doubleType(),
                "b", LogicalType.booleanType(), "s", LogicalType.string(), "ts", LogicalType.timestampLtz(3),
                "bin", LogicalType.bytes(), "iv", io.sluice.runtime.types.LogicalType.of(
                        io.sluice.runtime.types.TypeRoot.INTERVAL_DAY_TIME));
        String out = print(new JsonPrinter(false, UTC), s,
                Row.of(1, new BigDecimal("1E+3"), 2.5, true, "q\"u\nö中", Instant.parse("2024-01-31T10:00:00Z"),
                        new byte[] {10, 27}, Duration.ofMillis(93_784_005L)),
                Row.of(null, null, Double.NaN, false, "", null, null, null));
        assertEquals("{\"i\":1,\"d\":1000,\"f\":2.5,\"b\":true,\"s\":\"q\\\"u\\nö中\",\"ts\":\"2024-01-31 10:00:00.000\","
                + "\"bin\":\"x'0a1b'\",\"iv\":\"+1 02:03:04.005\"}\n"
                + "{\"i\":null,\"d\":null,\"f\":\"NaN\",\"b\":false,\"s\":\"\",\"ts\":null,\"bin\":null,\"iv\":null}\n", out);
    }

    @Test
    void jsonStreamingPutsOpFirstAndEmptyResultPrintsNothing() {
        String out = print(new JsonPrinter(true, UTC), TEXT,
                Row.ofKind(RowKind.INSERT, 1, "a"), Row.ofKind(RowKind.DELETE, 1, null));
        assertEquals("{\"op\":\"+I\",\"id\":1,\"text\":\"a\"}\n{\"op\":\"-D\",\"id\":1,\"text\":null}\n", out);
        assertEquals("", print(new JsonPrinter(true, UTC), TEXT));
    }

    @Test
    void localTimeZoneAppliesToTimestampLtz() {
        ResolvedSchema s = schema("t", LogicalType.timestampLtz(0));
        String out = print(new CsvPrinter(false, ZoneId.of("Asia/Shanghai")), s, Row.of(Instant.parse("2024-01-31T10:00:00Z")));
        assertEquals("t\n2024-01-31 18:00:00\n", out);
    }

    @Test
    void forFormatPicksPrinterAndRejectsUnknownNames() {
        assertInstanceOf(TableauPrinter.class, ResultPrinter.forFormat("table", false, UTC));
        assertInstanceOf(TableauPrinter.class, ResultPrinter.forFormat("TABLEAU", true, UTC));
        assertInstanceOf(CsvPrinter.class, ResultPrinter.forFormat("csv", false, UTC));
        assertInstanceOf(TsvPrinter.class, ResultPrinter.forFormat("tsv", false, UTC));
        assertInstanceOf(JsonPrinter.class, ResultPrinter.forFormat("json", false, UTC));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultPrinter.forFormat("xml", false, UTC));
        assertTrue(e.getMessage().contains("'xml'") && e.getMessage().contains(ResultFormat.VALID_NAMES), e.getMessage());
    }
}
