package io.sluice.table.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableauPrinterTest {
    static ResolvedSchema schema(Object... namesAndTypes) {
        Column[] cols = new Column[namesAndTypes.length / 2];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = Column.physical((String) namesAndTypes[2 * i], new DataType((LogicalType) namesAndTypes[2 * i + 1]));
        }
        return ResolvedSchema.of(cols);
    }

    static String print(ResultPrinter printer, ResolvedSchema schema, Row... rows) {
        StringWriter sw = new StringWriter();
        long n = printer.print(schema, List.of(rows).iterator(), new PrintWriter(sw));
        assertEquals(rows.length, n);
        return sw.toString();
    }

    private static TableauPrinter batch() {
        return new TableauPrinter(false, ZoneOffset.UTC, 30);
    }

    private static TableauPrinter streaming() {
        return new TableauPrinter(true, ZoneOffset.UTC, 30);
    }

    @Test
    void batchFitsWidthsToContentAndRightAligns() {
        ResolvedSchema s = schema("id", LogicalType.integer(), "name", LogicalType.string(), "ok", LogicalType.booleanType(),
                "price", LogicalType.decimal(10, 2));
        String out = print(batch(), s,
                Row.of(1, "alice", true, new BigDecimal("12.50")),
                Row.of(1234, null, false, null));
        assertEquals(""
                + "+------+--------+-------+--------+\n"
                + "|   id |   name |    ok |  price |\n"
                + "+------+--------+-------+--------+\n"
                + "|    1 |  alice |  TRUE |  12.50 |\n"
                + "| 1234 | <NULL> | FALSE | <NULL> |\n"
                + "+------+--------+-------+--------+\n"
                + "2 rows in set\n", out);
    }

    @Test
    void batchSingleRowAndEmptySet() {
        ResolvedSchema s = schema("a", LogicalType.integer());
        assertEquals("+---+\n| a |\n+---+\n| 7 |\n+---+\n1 row in set\n", print(batch(), s, Row.of(7)));
        assertEquals("Empty set\n", print(batch(), s));
    }

    @Test
    void longValuesAreCutWithEllipsis() {
        ResolvedSchema s = schema("s", LogicalType.string());
        String out = print(new TableauPrinter(false, ZoneOffset.UTC, 10), s, Row.of("abcdefghijklmnop"), Row.of("short"));
        assertEquals(""
                + "+------------+\n"
                + "|          s |\n"
                + "+------------+\n"
                + "| abcdefg... |\n"
                + "|      short |\n"
                + "+------------+\n"
                + "2 rows in set\n", out);
    }

    @Test
    void wideCharactersTakeTwoCellsAndSurrogatePairsOne() {
        ResolvedSchema s = schema("name", LogicalType.string());
        // "中文" is 4 cells, "é" (precomposed) 1, "😀" (one code point, two UTF-16 chars) 2 cells, "e\u0301" 1 cell
        String out = print(batch(), s, Row.of("中文"), Row.of("é"), Row.of("\uD83D\uDE00"), Row.of("e\u0301"));
        assertEquals(""
                + "+------+\n"
                + "| name |\n"
                + "+------+\n"
                + "| 中文 |\n"
                + "|    é |\n"
                + "|   \uD83D\uDE00 |\n"
                + "|    e\u0301 |\n"
                + "+------+\n"
                + "4 rows in set\n", out);
    }

    @Test
    void truncationNeverSplitsAWideCharacter() {
        ResolvedSchema s = schema("x", LogicalType.string());
        // width 6: 3 cells for text, then "..."; "中文字" cannot fit a half character, so one pad space is added
        String out = print(new TableauPrinter(false, ZoneOffset.UTC, 6), s, Row.of("中文字中文字"));
        assertEquals(""
                + "+--------+\n"
                + "|      x |\n"
                + "+--------+\n"
                + "|  中... |\n"
                + "+--------+\n"
                + "1 row in set\n", out);
    }

    @Test
    void streamingPrintsOpColumnWithTypeWidths() {
        ResolvedSchema s = schema("word", LogicalType.varchar(5), "cnt", LogicalType.bigint(),
                "ts", LogicalType.timestamp(3));
        String out = print(streaming(), s,
                Row.ofKind(RowKind.INSERT, "a", 1L, LocalDateTime.of(2024, 1, 31, 10, 0)),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L, LocalDateTime.of(2024, 1, 31, 10, 0)),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L, null),
                Row.ofKind(RowKind.DELETE, null, 2L, null));
        String border = "+----+--------------------------------+----------------------+-------------------------+\n";
        assertEquals(border
                + "| op |                           word |                  cnt |                      ts |\n"
                + border
                + "| +I |                              a |                    1 | 2024-01-31 10:00:00.000 |\n"
                + "| -U |                              a |                    1 | 2024-01-31 10:00:00.000 |\n"
                + "| +U |                              a |                    2 |                  <NULL> |\n"
                + "| -D |                         <NULL> |                    2 |                  <NULL> |\n"
                + border
                + "Received a total of 4 rows\n", out);
    }

    @Test
    void streamingWithoutRowsStillPrintsHeader() {
        ResolvedSchema s = schema("b", LogicalType.booleanType(), "d", LogicalType.date());
        assertEquals(""
                + "+----+--------+------------+\n"
                + "| op |      b |          d |\n"
                + "+----+--------+------------+\n"
                + "Received a total of 0 row\n", print(streaming(), s));
        assertEquals(""
                + "+----+--------+------------+\n"
                + "| op |      b |          d |\n"
                + "+----+--------+------------+\n"
                + "| +I |   TRUE | 2024-02-29 |\n"
                + "+----+--------+------------+\n"
                + "Received a total of 1 row\n",
                print(streaming(), s, Row.of(true, java.time.LocalDate.of(2024, 2, 29))));
    }

    @Test
    void typeWidthsFollowFlink() {
        assertEquals(4, TableauPrinter.typeWidth(LogicalType.tinyint(), 30));
        assertEquals(11, TableauPrinter.typeWidth(LogicalType.integer(), 30));
        assertEquals(20, TableauPrinter.typeWidth(LogicalType.bigint(), 30));
        assertEquals(12, TableauPrinter.typeWidth(LogicalType.decimal(10, 2), 30));
        assertEquals(19, TableauPrinter.typeWidth(LogicalType.timestamp(0), 30));
        assertEquals(26, TableauPrinter.typeWidth(LogicalType.timestampLtz(6), 30));
        assertEquals(30, TableauPrinter.typeWidth(LogicalType.doubleType(), 30));
        assertEquals(30, TableauPrinter.typeWidth(LogicalType.string(), 30));
    }

    @Test
    void rowOfWrongArityIsRejected() {
        ResolvedSchema s = schema("a", LogicalType.integer());
        assertThrows(IllegalArgumentException.class, () -> print(batch(), s, Row.of(1, 2)));
    }

    @Test
    void tooSmallMaxWidthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TableauPrinter(false, ZoneOffset.UTC, 3));
    }
}
