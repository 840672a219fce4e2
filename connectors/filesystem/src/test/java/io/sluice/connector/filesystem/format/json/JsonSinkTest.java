package io.sluice.connector.filesystem.format.json;

import static io.sluice.connector.filesystem.FileSystemTestSupport.jsonOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSinkTest {
    private static final RowType ALL_TYPES = JsonSourceTest.ALL_TYPES;

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

    private String writtenText(Path out) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().collect(Collectors.toList());
        }
        assertEquals(1, files.size());
        String name = files.get(0).getFileName().toString();
        assertTrue(name.matches("part-[0-9a-f-]{36}-0-0\\.json"), name);
        return Files.readString(files.get(0));
    }

    private static List<Row> sampleRows() {
        return List.of(
                Row.of(true, (byte) -1, (short) 300, -7, Long.MIN_VALUE, 1.5f, -0.25, new BigDecimal("12.30"),
                        "a \"q\"\\\nnext\u0001 é", new byte[] {0, -1, 7}, LocalDate.of(2024, 1, 31),
                        LocalTime.of(10, 0, 1, 5_000_000), LocalDateTime.of(2024, 1, 1, 10, 0),
                        Instant.parse("1969-12-31T23:59:59.999Z")),
                Row.of(false, null, null, null, null, Float.NaN, Double.POSITIVE_INFINITY,
                        null, "", null, LocalDate.of(1900, 3, 1), LocalTime.of(23, 59, 59),
                        LocalDateTime.of(1969, 7, 20, 20, 17, 40, 120_000_000), null),
                Row.of(null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void everyTypeRoundTripsAndTextLooksLikeFlink() throws Exception {
        Path out = dir.resolve("out");
        List<Row> rows = sampleRows();
        fs.write(ALL_TYPES, jsonOptions(out), rows);
        assertEquals("{\"b\":true,\"ti\":-1,\"si\":300,\"i\":-7,\"bi\":-9223372036854775808,\"f\":1.5,\"d\":-0.25,"
                + "\"dec\":12.30,\"s\":\"a \\\"q\\\"\\\\\\nnext\\u0001 é\",\"bin\":\"AP8H\",\"dt\":\"2024-01-31\","
                + "\"tm\":\"10:00:01.005\",\"ts\":\"2024-01-01 10:00:00\",\"ltz\":\"1969-12-31 23:59:59.999Z\"}\n"
                + "{\"b\":false,\"ti\":null,\"si\":null,\"i\":null,\"bi\":null,\"f\":\"NaN\",\"d\":\"Infinity\","
                + "\"dec\":null,\"s\":\"\",\"bin\":null,\"dt\":\"1900-03-01\",\"tm\":\"23:59:59\","
                + "\"ts\":\"1969-07-20 20:17:40.12\",\"ltz\":null}\n"
                + "{\"b\":null,\"ti\":null,\"si\":null,\"i\":null,\"bi\":null,\"f\":null,\"d\":null,\"dec\":null,"
                + "\"s\":null,\"bin\":null,\"dt\":null,\"tm\":null,\"ts\":null,\"ltz\":null}\n", writtenText(out));
        assertEquals(rows, fs.read(ALL_TYPES, jsonOptions(out)));
    }

    @Test
    void isoTimestampsIgnoredNullsAndPlainDecimals() throws Exception {
        RowType t = new RowType(List.of("id", "dec", "ts", "ltz"), List.of(LogicalType.integer(),
                LogicalType.decimal(20, 10), LogicalType.timestamp(3), LogicalType.timestampLtz(3)));
        List<Row> rows = List.of(
                Row.of(1, new BigDecimal("0.0000000270"), LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_000_000),
                        Instant.parse("2024-03-01T00:00:00Z")),
                Row.of(2, null, null, null));
        Path plain = dir.resolve("plain");
        Map<String, String> options = jsonOptions(plain, "json.timestamp-format.standard", "ISO-8601",
                "json.encode.ignore-null-fields", "true", "json.encode.decimal-as-plain-number", "true");
        fs.write(t, options, rows);
        assertEquals("{\"id\":1,\"dec\":0.0000000270,\"ts\":\"2024-03-01T12:34:56.789\",\"ltz\":\"2024-03-01T00:00:00Z\"}\n"
                + "{\"id\":2}\n", writtenText(plain));
        assertEquals(rows, fs.read(t, options));
        Path scientific = dir.resolve("scientific");
        fs.write(t, jsonOptions(scientific), rows.subList(0, 1));
        assertTrue(writtenText(scientific).startsWith("{\"id\":1,\"dec\":2.70E-8,\"ts\":\"2024-03-01 12:34:56.789\""));
        assertEquals(rows.subList(0, 1), fs.read(t, jsonOptions(scientific)));
    }

    @Test
    void manyRowsRoundTrip() throws Exception {
        RowType t = new RowType(List.of("k", "v", "s"),
                List.of(LogicalType.bigint(), LogicalType.doubleType(), LogicalType.string()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Row.of((long) i * 31, i / 8.0, i % 3 == 0 ? null : "s\t" + i));
        }
        Path out = dir.resolve("many");
        fs.write(t, jsonOptions(out), rows);
        assertEquals(rows, fs.read(t, jsonOptions(out), new int[] {0, 1, 2}, 3000));
    }
}
