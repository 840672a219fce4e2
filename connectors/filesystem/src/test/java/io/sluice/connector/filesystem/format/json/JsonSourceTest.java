package io.sluice.connector.filesystem.format.json;

import static io.sluice.connector.filesystem.FileSystemTestSupport.jsonOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
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
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSourceTest {
    private static final RowType ID_NAME = new RowType(List.of("id", "name"),
            List.of(LogicalType.integer(), LogicalType.string()));
    static final RowType ALL_TYPES = new RowType(
            List.of("b", "ti", "si", "i", "bi", "f", "d", "dec", "s", "bin", "dt", "tm", "ts", "ltz"),
            List.of(LogicalType.booleanType(), LogicalType.tinyint(), LogicalType.smallint(), LogicalType.integer(),
                    LogicalType.bigint(), LogicalType.floatType(), LogicalType.doubleType(),
                    LogicalType.decimal(5, 2), LogicalType.string(), LogicalType.bytes(), LogicalType.date(),
                    LogicalType.of(TypeRoot.TIME, 3), LogicalType.timestamp(3), LogicalType.timestampLtz(3)));

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
    void readsEveryType() throws Exception {
        Path p = file("types.json",
                "{\"b\":true,\"ti\":-128,\"si\":32767,\"i\":-2147483648,\"bi\":-9223372036854775808,\"f\":1.5,"
                        + "\"d\":-2.25e3,\"dec\":1.005,\"s\":\"text \\\"q\\\" \\u00e9\",\"bin\":\"AQID\",\"dt\":\"2024-02-29\","
                        + "\"tm\":\"23:59:58.5\",\"ts\":\"2024-01-01 10:00:00.123456789\",\"ltz\":\"2024-01-01 10:00:00Z\"}\n"
                        + "{\"b\":false,\"ti\":127,\"si\":-5,\"i\":42,\"bi\":9223372036854775807,\"f\":-0.125,\"d\":0.1,"
                        + "\"dec\":-999.994,\"s\":\"Zürich 東京 🚀\",\"bin\":null,\"dt\":\"1969-12-31\",\"tm\":\"00:00:00\","
                        + "\"ts\":\"1969-12-31 23:59:59.9\",\"ltz\":\"2024-06-30 01:02:03.004Z\"}\n"
                        + "{\"b\":null,\"ti\":null,\"si\":null,\"i\":null,\"bi\":null,\"f\":null,\"d\":null,\"dec\":null,"
                        + "\"s\":null,\"bin\":null,\"dt\":null,\"tm\":null,\"ts\":null,\"ltz\":null}\n");
        List<Row> rows = fs.read(ALL_TYPES, jsonOptions(p));
        assertEquals(3, rows.size());
        assertEquals(Row.of(true, (byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MIN_VALUE, 1.5f, -2250.0,
                new BigDecimal("1.01"), "text \"q\" é", new byte[] {1, 2, 3}, LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 58, 500_000_000), LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000),
                Instant.parse("2024-01-01T10:00:00Z")), rows.get(0));
        assertEquals(Row.of(false, (byte) 127, (short) -5, 42, Long.MAX_VALUE, -0.125f, 0.1, new BigDecimal("-999.99"),
                "Zürich 東京 🚀", null, LocalDate.of(1969, 12, 31), LocalTime.of(0, 0),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 900_000_000), Instant.parse("2024-06-30T01:02:03.004Z")),
                rows.get(1));
        assertEquals(Row.of(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                rows.get(2));
    }

    @Test
    void numbersAndBooleansMayBeStringsAndStringsTakeAnyValueText() throws Exception {
        RowType t = new RowType(List.of("i", "d", "b", "dec", "s1", "s2", "s3", "s4"),
                List.of(LogicalType.integer(), LogicalType.doubleType(), LogicalType.booleanType(),
                        LogicalType.decimal(10, 1), LogicalType.string(), LogicalType.string(), LogicalType.string(),
                        LogicalType.string()));
        Path p = file("s.json", "{\"i\":\" 42 \",\"d\":\"NaN\",\"b\":\"TRUE\",\"dec\":\"12.34\",\"s1\":12.50,"
                + "\"s2\":false,\"s3\":{\"x\":[1, \"y\"]},\"s4\":[]}\n"
                + "{\"i\":7.9,\"d\":3,\"b\":\"false\",\"dec\":123456789012.5,\"s1\":-1,\"s2\":\"\",\"s3\":\"\\n\\t\",\"s4\":\"\"}\n");
        List<Row> rows = fs.read(t, jsonOptions(p));
        assertEquals(Row.of(42, Double.NaN, true, new BigDecimal("12.3"), "12.50", "false", "{\"x\":[1,\"y\"]}", "[]"),
                rows.get(0));
        // a fraction is truncated for an integer column; a DECIMAL beyond its precision is NULL (as in Flink)
        assertEquals(Row.of(7, 3.0, false, null, "-1", "", "\n\t", ""), rows.get(1));
    }

    @Test
    void missingFieldsAreNullUnknownFieldsIgnoredNamesCaseSensitiveLastDuplicateWins() throws Exception {
        Path p = file("m.json", "{\"id\":1}\n{\"name\":\"x\",\"extra\":{\"id\":99,\"deep\":[{\"name\":\"no\"}]}}\n"
                + "{\"ID\":5,\"Name\":\"upper\"}\n{\"name\":\"first\",\"id\":2,\"name\":\"second\",\"id\":3}\n{}\n");
        assertEquals(List.of(Row.of(1, null), Row.of(null, "x"), Row.of(null, null), Row.of(3, "second"),
                Row.of(null, null)), fs.read(ID_NAME, jsonOptions(p)));
        TableException e = assertThrows(TableException.class,
                () -> fs.read(ID_NAME, jsonOptions(p, "json.fail-on-missing-field", "true")));
        assertEquals("Missing field 'name' in JSON record at " + p + ":1 (json.fail-on-missing-field is true)",
                e.getMessage());
    }

    @Test
    void blankLinesCrlfByteOrderMarkAndMissingFinalNewline() throws Exception {
        Path p = file("u.json", "\uFEFF{\"id\":1,\"name\":\"a\"}\r\n\r\n   \n{\"id\":2,\"name\":\"b\"}  \r\n{\"id\":3,\"name\":\"c\"}");
        assertEquals(List.of(Row.of(1, "a"), Row.of(2, "b"), Row.of(3, "c")), fs.read(ID_NAME, jsonOptions(p)));
        assertEquals(List.of(), fs.read(ID_NAME, jsonOptions(file("empty.json", ""))));
    }

    @Test
    void malformedLineNamesFileLineAndByteOffset() throws Exception {
        Path p = file("bad.json", "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"\n{\"id\":3,\"name\":\"c\"}\n");
        TableException e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(p)));
        assertEquals("Malformed JSON record at " + p + ":2 (byte offset 38): Unexpected end-of-input: expected close "
                + "marker for Object", e.getMessage());
        Path twoValues = file("two.json", "{\"id\":1}\n\n{\"id\":2} {\"id\":3}\n");
        e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(twoValues)));
        assertEquals("Malformed JSON record at " + twoValues + ":3 (byte offset 19): more than one JSON value on the line",
                e.getMessage());
        Path notObject = file("arr.json", "[1, 2]\n");
        e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(notObject)));
        assertEquals("Malformed JSON record at " + notObject + ":1 (byte offset 0): expected a JSON object but found [",
                e.getMessage());
    }

    @Test
    void badValueNamesColumnTextFileAndLine() throws Exception {
        Path p = file("v.json", "{\"id\":1,\"name\":\"a\"}\n{\"id\":\"abc\",\"name\":\"b\"}\n");
        TableException e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(p)));
        assertEquals("Failed to parse field 'id' (INT) from 'abc' at " + p + ":2", e.getMessage());
        Path big = file("big.json", "{\"id\":2147483648}\n");
        e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(big)));
        assertEquals("Failed to parse field 'id' (INT) from '2147483648' at " + big + ":1", e.getMessage());
        Path obj = file("obj.json", "{\"id\":{\"a\":1}}\n");
        e = assertThrows(TableException.class, () -> fs.read(ID_NAME, jsonOptions(obj)));
        assertEquals("Failed to parse field 'id' (INT) from '{...}' at " + obj + ":1", e.getMessage());
    }

    @Test
    void ignoreParseErrorsSkipsMalformedLinesAndNullsBadFields() throws Exception {
        RowType t = new RowType(List.of("id", "name", "ts"),
                List.of(LogicalType.integer(), LogicalType.string(), LogicalType.timestamp(3)));
        Path p = file("e.json", "{\"id\":1,\"name\":\"a\",\"ts\":\"2024-01-01 00:00:00\"}\n"
                + "{\"id\":2,\"name\":\"broken\n"
                + "{\"id\":\"x\",\"name\":\"c\",\"ts\":\"2024-01-01T00:00:00\"}\n"
                + "not json at all\n"
                + "{\"id\":4,\"name\":\"dd\",\"ts\":{\"nested\":true},\"more\":[1,2]}\n"
                + "{\"id\":5,\"name\":\"e\"} trailing\n");
        List<Row> rows = fs.read(t, jsonOptions(p, "json.ignore-parse-errors", "true"));
        assertEquals(List.of(Row.of(1, "a", LocalDateTime.of(2024, 1, 1, 0, 0)), Row.of(null, "c", null),
                Row.of(4, "dd", null)), rows);
        assertEquals(3, fs.skipped);
    }

    @Test
    void isoTimestampStandard() throws Exception {
        RowType t = new RowType(List.of("ts", "ltz"), List.of(LogicalType.timestamp(3), LogicalType.timestampLtz(3)));
        Path p = file("iso.json", "{\"ts\":\"2024-03-01T12:34:56.789\",\"ltz\":\"2024-03-01T12:34:56.789Z\"}\n");
        assertEquals(List.of(Row.of(LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_000_000),
                Instant.parse("2024-03-01T12:34:56.789Z"))),
                fs.read(t, jsonOptions(p, "json.timestamp-format.standard", "ISO-8601")));
        // the SQL standard (the default) wants a space, and TIMESTAMP_LTZ always wants the Z
        TableException e = assertThrows(TableException.class, () -> fs.read(t, jsonOptions(p)));
        assertEquals("Failed to parse field 'ts' (TIMESTAMP(3)) from '2024-03-01T12:34:56.789' at " + p + ":1",
                e.getMessage());
        Path noZ = file("noz.json", "{\"ts\":null,\"ltz\":\"2024-03-01 12:34:56\"}\n");
        e = assertThrows(TableException.class, () -> fs.read(t, jsonOptions(noZ)));
        assertTrue(e.getMessage().startsWith("Failed to parse field 'ltz'"), e.getMessage());
    }

    @Test
    void projectsColumnsInAnotherOrderAcrossBatchesAndReadChunks() throws Exception {
        RowType t = new RowType(List.of("a", "s", "b"),
                List.of(LogicalType.bigint(), LogicalType.string(), LogicalType.integer()));
        StringBuilder sb = new StringBuilder();
        int n = 30_000;
        List<Row> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = "row-" + i + "-" + "y".repeat(i % 50);
            sb.append("{\"b\":").append(i % 7).append(",\"s\":\"").append(s).append("\",\"a\":").append(i * 3L)
                    .append("}\n");
            expected.add(Row.of(i % 7, i * 3L));
        }
        Path p = file("big.json", sb.toString());
        assertTrue(Files.size(p) > (1 << 20), "spans several read chunks");
        List<Row> rows = fs.read(t, jsonOptions(p), new int[] {2, 0}, 1000);
        assertEquals(expected, rows);
        assertEquals(30, fs.batchSizes.size());
    }

    @Test
    void lineLargerThanTheReadBufferAndTinyReads() throws Exception {
        String huge = "x".repeat(3 << 20);
        String content = "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"" + huge + "\"}\n{\"id\":3}";
        assertEquals(List.of(Row.of(1, "a"), Row.of(2, huge), Row.of(3, null)),
                fs.read(ID_NAME, jsonOptions(file("h.json", content))));
        String small = "{\"id\":1,\"name\":\"é\"}\r\n\n{\"name\":\"b\",\"id\":2}\n{\"id\":3,\"name\":\"\"}\n{\"id\":4}";
        List<Row> expected = List.of(Row.of(1, "é"), Row.of(2, "b"), Row.of(3, ""), Row.of(4, null));
        for (int chunk = 1; chunk <= 7; chunk++) {
            assertEquals(expected, decodeTrickling(small, chunk), "chunk " + chunk);
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
        try (RecordDecoder decoder = new JsonDecoderFactory(JsonFormatConfig.defaults(), ID_NAME)
                .createDecoder(in, "mem", ID_NAME, new int[] {0, 1})) {
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
    void optionsAreValidated() throws Exception {
        Path p = file("o.json", "{\"id\":1}\n");
        ValidationException e = assertThrows(ValidationException.class, () -> fs.read(ID_NAME,
                jsonOptions(p, "json.fail-on-missing-field", "true", "json.ignore-parse-errors", "true")));
        assertTrue(e.getMessage().contains("cannot both be true"), e.getMessage());
        e = assertThrows(ValidationException.class,
                () -> fs.read(ID_NAME, jsonOptions(p, "json.timestamp-format.standard", "RFC")));
        assertTrue(e.getMessage().contains("Supported values are [SQL, ISO-8601]"), e.getMessage());
        e = assertThrows(ValidationException.class,
                () -> fs.read(ID_NAME, jsonOptions(p, "json.map-null-key.mode", "KEEP")));
        assertTrue(e.getMessage().contains("[FAIL, DROP, LITERAL]"), e.getMessage());
        assertThrows(ValidationException.class, () -> fs.read(ID_NAME, jsonOptions(p, "json.no-such-option", "x")));
        // accepted for compatibility although no column can be a MAP
        assertEquals(List.of(Row.of(1, null)), fs.read(ID_NAME,
                jsonOptions(p, "json.map-null-key.mode", "literal", "json.map-null-key.literal", "n/a",
                        "json.encode.decimal-as-plain-number", "true", "json.encode.ignore-null-fields", "true")));
        RowType interval = new RowType(List.of("iv"), List.of(LogicalType.of(TypeRoot.INTERVAL_DAY_TIME, 3)));
        assertThrows(UnsupportedFeatureException.class, () -> fs.read(interval, jsonOptions(p)));
    }
}
