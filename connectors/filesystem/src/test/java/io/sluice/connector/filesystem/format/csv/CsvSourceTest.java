package io.sluice.connector.filesystem.format.csv;

import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
    private static final RowType ID_NAME = new RowType(List.of("id", "name"),
            List.of(LogicalType.integer(), LogicalType.string()));

    @TempDir
    Path dir;
    private RootAllocator allocator;
    private FileSystemTestSupport fs;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        fs = new FileSystemTestSupport(allocator);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndNewlines() throws Exception {
        Path p = file("a.csv", "1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\r\n4,plain\n");
        List<Row> rows = fs.read(ID_NAME, csvOptions(p));
        assertEquals(List.of(Row.of(1, "a,b"), Row.of(2, "say \"hi\""), Row.of(3, "two\nlines"), Row.of(4, "plain")), rows);
    }

    @Test
    void unicodeCrlfByteOrderMarkAndMissingFinalNewline() throws Exception {
        Path p = file("u.csv", "\uFEFF1,Zürich\r\n2,東京 🚀\r\n3,last");
        assertEquals(List.of(Row.of(1, "Zürich"), Row.of(2, "東京 🚀"), Row.of(3, "last")), fs.read(ID_NAME, csvOptions(p)));
    }

    @Test
    void emptyFileAndEmptyDirectoryGiveNoRows() throws Exception {
        Path p = file("empty.csv", "");
        assertEquals(List.of(), fs.read(ID_NAME, csvOptions(p)));
        assertEquals(List.of(), fs.batchSizes);
        Path d = dir.resolve("nothing");
        Files.createDirectories(d);
        assertEquals(List.of(), fs.read(ID_NAME, csvOptions(d)));
    }

    @Test
    void emptyFieldsAreNullExceptForStringsAndNullLiteralIsNull() throws Exception {
        RowType t = new RowType(List.of("a", "s", "d"),
                List.of(LogicalType.bigint(), LogicalType.string(), LogicalType.doubleType()));
        Path p = file("e.csv", ",,\n\"\",\"\",\"\"\n5,x,1.5\n7,N/A,N/A\n");
        assertEquals(List.of(Row.of(null, "", null), Row.of(null, "", null), Row.of(5L, "x", 1.5),
                Row.of(7L, "N/A", null)), fs.read(t, csvOptions(p, "csv.ignore-parse-errors", "true")));
        assertEquals(List.of(Row.of(null, "", null), Row.of(null, "", null), Row.of(5L, "x", 1.5),
                Row.of(7L, null, null)), fs.read(t, csvOptions(p, "csv.null-literal", "N/A")));
    }

    @Test
    void parsesEveryType() throws Exception {
        RowType t = new RowType(
                List.of("b", "ti", "si", "i", "bi", "f", "d", "dec", "s", "bin", "dt", "tm", "ts", "ltz"),
                List.of(LogicalType.booleanType(), LogicalType.tinyint(), LogicalType.smallint(), LogicalType.integer(),
                        LogicalType.bigint(), LogicalType.floatType(), LogicalType.doubleType(),
                        LogicalType.decimal(5, 2), LogicalType.string(), LogicalType.bytes(), LogicalType.date(),
                        LogicalType.of(io.sluice.runtime.types.TypeRoot.TIME, 3), LogicalType.timestamp(3),
                        LogicalType.timestampLtz(3)));
        Path p = file("types.csv",
                "TRUE,-128,32767,-2147483648,-9223372036854775808,1.5,-2.25e3,1.005,text,AQID,2024-02-29,23:59:58.5,"
                        + "2024-01-01 10:00:00.123456789,2024-01-01 10:00:00Z\n"
                        + "false,127,-5, 42 ,9223372036854775807,-0.125,0.1,-999.994,\"q\",,1969-12-31,00:00,"
                        + "1969-12-31T23:59:59.9,2024-06-30T01:02:03.004\n"
                        + "False,0,0,0,0,NaN,1e308,1000,,,0001-01-01,12:00:00,2000-02-29 00:00,1970-01-01 00:00:00.000Z\n");
        List<Row> rows = fs.read(t, csvOptions(p));
        assertEquals(3, rows.size());
        assertEquals(Row.of(true, (byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MIN_VALUE, 1.5f, -2250.0,
                new BigDecimal("1.01"), "text", new byte[] {1, 2, 3}, LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 58, 500_000_000), LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000),
                Instant.parse("2024-01-01T10:00:00Z")), rows.get(0));
        assertEquals(Row.of(false, (byte) 127, (short) -5, 42, Long.MAX_VALUE, -0.125f, 0.1, new BigDecimal("-999.99"),
                "q", null, LocalDate.of(1969, 12, 31), LocalTime.of(0, 0),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 900_000_000), Instant.parse("2024-06-30T01:02:03.004Z")),
                rows.get(1));
        Row third = rows.get(2);
        assertTrue(Float.isNaN((Float) third.getField(5)));
        assertEquals(1e308, third.getField(6));
        assertNull(third.getField(7), "1000 does not fit DECIMAL(5, 2): NULL as in Flink");
        assertEquals("", third.getField(8));
        assertEquals(LocalDate.of(1, 1, 1), third.getField(10));
        assertEquals(LocalDateTime.of(2000, 2, 29, 0, 0), third.getField(12));
        assertEquals(Instant.EPOCH, third.getField(13));
    }

    @Test
    void wideDecimalsAndRounding() throws Exception {
        RowType t = new RowType(List.of("d"), List.of(LogicalType.decimal(38, 10)));
        Path p = file("d.csv", "12345678901234567890.12345678905\n-0.5\n1E+3\n");
        assertEquals(List.of(Row.of(new BigDecimal("12345678901234567890.1234567891")),
                Row.of(new BigDecimal("-0.5000000000")), Row.of(new BigDecimal("1000.0000000000"))), fs.read(t, csvOptions(p)));
    }

    @Test
    void parseErrorNamesColumnTextFileAndLine() throws Exception {
        RowType t = new RowType(List.of("id", "note", "price"),
                List.of(LogicalType.integer(), LogicalType.string(), LogicalType.bigint()));
        Path p = file("bids.csv", "1,\"multi\nline\",10\n# not a comment here? no: a bad row follows\n");
        Files.write(p, "1,\"multi\nline\",10\n2,ok,abc\n".getBytes(StandardCharsets.UTF_8));
        TableException e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertEquals("Failed to parse field 'price' (BIGINT) from 'abc' at " + p + ":3", e.getMessage());

        Files.write(p, "1,a,1\n2,b\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertEquals("Malformed CSV record at " + p + ":2: expected 3 fields but found 2", e.getMessage());

        Files.write(p, "1,a,1\n2,\"open,3\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertTrue(e.getMessage().contains(p + ":2: unterminated quoted field"), e.getMessage());

        Files.write(p, "1,a,99999999999999999999\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertTrue(e.getMessage().startsWith("Failed to parse field 'price' (BIGINT) from '99999999999999999999'"));
    }

    @Test
    void firstErrorInFileOrderIsReportedAlthoughColumnsAreDecodedOneByOne() throws Exception {
        RowType t = new RowType(List.of("a", "b"), List.of(LogicalType.integer(), LogicalType.bigint()));
        Path p = file("order.csv", "1,1\n2,x\n3,3\ny,4\n5,5\n");
        TableException e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertEquals("Failed to parse field 'b' (BIGINT) from 'x' at " + p + ":2", e.getMessage());
        Files.write(p, "1,1\n2,x\n3\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertEquals("Failed to parse field 'b' (BIGINT) from 'x' at " + p + ":2", e.getMessage());
        Files.write(p, "1,1\n2\n3,x\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(TableException.class, () -> fs.read(t, csvOptions(p)));
        assertEquals("Malformed CSV record at " + p + ":2: expected 2 fields but found 1", e.getMessage());
    }

    @Test
    void ignoreParseErrorsSkipsMalformedRowsAndNullsBadFields() throws Exception {
        Path p = file("bad.csv", "1,a\nx,b\n3\n4,d,extra\n5,\"unterminated\n");
        List<Row> rows = fs.read(ID_NAME, csvOptions(p, "csv.ignore-parse-errors", "true"));
        assertEquals(List.of(Row.of(1, "a"), Row.of(null, "b")), rows);
        assertEquals(3, fs.skipped);
    }

    @Test
    void commentsAreSkippedOnlyWhenAllowed() throws Exception {
        Path p = file("c.csv", "# header comment\n1,a\n#2,b\n3,c\n");
        assertEquals(List.of(Row.of(1, "a"), Row.of(3, "c")), fs.read(ID_NAME, csvOptions(p, "csv.allow-comments", "true")));
        assertThrows(TableException.class, () -> fs.read(ID_NAME, csvOptions(p)));
    }

    @Test
    void customDelimiterQuoteEscapeAndDisabledQuote() throws Exception {
        Path tab = file("t.tsv", "1\ta,b\n2\t'x\ty'\n");
        assertEquals(List.of(Row.of(1, "a,b"), Row.of(2, "x\ty")),
                fs.read(ID_NAME, csvOptions(tab, "csv.field-delimiter", "\\t", "csv.quote-character", "'")));
        Path esc = file("esc.csv", "1,a\\,b\n2,\"q\\\"uote\"\n3,line\\nbreak\n");
        assertEquals(List.of(Row.of(1, "a,b"), Row.of(2, "q\"uote"), Row.of(3, "line\nbreak")),
                fs.read(ID_NAME, csvOptions(esc, "csv.escape-character", "\\")));
        Path noQuote = file("nq.csv", "1,\"a\"\n");
        assertEquals(List.of(Row.of(1, "\"a\"")),
                fs.read(ID_NAME, csvOptions(noQuote, "csv.disable-quote-character", "true")));
    }

    @Test
    void directoryIsReadRecursivelyInSortedOrderSkippingHiddenFiles() throws Exception {
        Path d = dir.resolve("table");
        file("table/b.csv", "2,b\n");
        file("table/a.csv", "1,a\n");
        file("table/sub/c.csv", "3,c\n");
        file("table/.hidden.csv", "9,hidden\n");
        file("table/_SUCCESS", "garbage\n");
        file("table/_tmp/x.csv", "8,tmp\n");
        file("table/.part-1.csv.inprogress", "7,inprogress\n");
        List<Row> rows = fs.read(ID_NAME, csvOptions(d));
        assertEquals(List.of(Row.of(1, "a"), Row.of(2, "b"), Row.of(3, "c")), rows);
        assertEquals(List.of(3), fs.batchSizes, "small files share one batch");
    }

    @Test
    void projectsSubsetOfColumnsInAnotherOrder() throws Exception {
        RowType t = new RowType(List.of("a", "b", "c", "d"),
                List.of(LogicalType.integer(), LogicalType.string(), LogicalType.bigint(), LogicalType.string()));
        Path p = file("p.csv", "1,one,10,\"x,y\"\n2,two,oops,z\n");
        // column c is not projected, so its bad value in row 2 is never parsed
        assertEquals(List.of(Row.of("x,y", 1), Row.of("z", 2)), fs.read(t, csvOptions(p), new int[] {3, 0}, 4096));
        assertEquals(List.of(Row.of(), Row.of()), fs.read(t, csvOptions(p), new int[0], 4096));
    }

    @Test
    void largeFileIsSplitIntoBatchesAcrossReadChunks() throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(",\"name ").append(i).append(i % 7 == 0 ? "\nwith break" : "").append("\"\n");
        }
        Path p = file("big.csv", sb.toString());
        assertTrue(Files.size(p) > (1 << 20), "bigger than one read chunk");
        List<Row> rows = fs.read(ID_NAME, csvOptions(p), new int[] {0, 1}, 1000);
        assertEquals(n, rows.size());
        assertEquals(60, fs.batchSizes.size());
        assertTrue(fs.batchSizes.stream().allMatch(s -> s == 1000));
        for (int i = 0; i < n; i += 997) {
            assertEquals(Row.of(i, "name " + i + (i % 7 == 0 ? "\nwith break" : "")), rows.get(i));
        }
    }

    @Test
    void recordLargerThanTheReadBufferAndTinyReads() throws Exception {
        String huge = "x".repeat(3 << 20);
        String content = "1,\"a\"\"b\"\r\n2," + huge + "\n3,\"c\nd\"\n4,e";
        List<Row> expected = List.of(Row.of(1, "a\"b"), Row.of(2, huge), Row.of(3, "c\nd"), Row.of(4, "e"));
        assertEquals(expected, fs.read(ID_NAME, csvOptions(file("h.csv", content))));
        // the same bytes delivered a few at a time exercise every buffer boundary
        String small = "1,\"a\"\"b\"\r\n2,\"x,\ny\"\r\n\r\n3,\"\"\n4,e";
        List<Row> smallExpected = List.of(Row.of(1, "a\"b"), Row.of(2, "x,\ny"), Row.of(3, ""), Row.of(4, "e"));
        for (int chunk = 1; chunk <= 7; chunk++) {
            assertEquals(smallExpected, decodeTrickling(small, chunk), "chunk " + chunk);
        }
    }

    private List<Row> decodeTrickling(String content, int chunk) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<Row> rows = new ArrayList<>();
        int[] all = {0, 1};
        try (RecordDecoder decoder = new CsvDecoderFactory(CsvFormatConfig.defaults(), ID_NAME)
                .createDecoder(in, "mem", ID_NAME, all)) {
            boolean more = true;
            while (more) {
                try (RowBatch batch = RowBatch.allocate(ID_NAME, allocator, 2)) {
                    more = decoder.decode(batch, 2);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        rows.add(batch.getRow(r));
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void missingPathFailsAtOpen() {
        Path p = dir.resolve("nope.csv");
        TableException e = assertThrows(TableException.class, () -> fs.read(ID_NAME, csvOptions(p)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void describeNamesPathAndFormat() {
        Path p = dir.resolve("x.csv");
        String text = new io.sluice.connector.filesystem.FileSystemTableFactory()
                .createDynamicTableSource(FileSystemTestSupport.context(ID_NAME, csvOptions(p))).describe();
        assertEquals("filesystem(path=" + p + ", format=csv)", text);
        assertFalse(Map.of().containsKey("x"));
    }
}
