package io.sluice.connector.filesystem.format.csv;

import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.FileSystemTableFactory;
import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest {
    private static final RowType ALL_TYPES = new RowType(
            List.of("b", "ti", "si", "i", "bi", "f", "d", "dec", "s", "bin", "dt", "tm", "ts", "ltz"),
            List.of(LogicalType.booleanType(), LogicalType.tinyint(), LogicalType.smallint(), LogicalType.integer(),
                    LogicalType.bigint(), LogicalType.floatType(), LogicalType.doubleType(), LogicalType.decimal(10, 2),
                    LogicalType.string(), LogicalType.bytes(), LogicalType.date(), LogicalType.of(TypeRoot.TIME, 3),
                    LogicalType.timestamp(3), LogicalType.timestampLtz(3)));

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

    private List<Path> listFiles(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyTypeRoundTripsAndTextLooksLikeFlink() throws Exception {
        Path out = dir.resolve("out");
        List<Row> rows = List.of(
                Row.of(true, (byte) -1, (short) 300, -7, Long.MIN_VALUE, 1.5f, -0.25, new BigDecimal("12.30"),
                        "a,b \"q\"\nnext", new byte[] {0, -1, 7}, LocalDate.of(2024, 1, 31),
                        LocalTime.of(10, 0, 1, 5_000_000), LocalDateTime.of(2024, 1, 1, 10, 0),
                        Instant.parse("1969-12-31T23:59:59.999Z")),
                Row.of(false, null, null, null, null, null, null, null, "", null, LocalDate.of(1900, 3, 1),
                        LocalTime.of(23, 59, 59), LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_000_000), null),
                Row.of(null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        fs.write(ALL_TYPES, csvOptions(out), rows);
        List<Path> files = listFiles(out);
        assertEquals(1, files.size());
        String name = files.get(0).getFileName().toString();
        assertTrue(name.matches("part-[0-9a-f-]{36}-0-0\\.csv"), name);
        String text = Files.readString(files.get(0));
        assertEquals("true,-1,300,-7,-9223372036854775808,1.5,-0.25,12.30,\"a,b \"\"q\"\"\nnext\",AP8H,2024-01-31,"
                + "10:00:01.005,2024-01-01 10:00:00.000,1969-12-31 23:59:59.999Z\n"
                + "false,,,,,,,,\"\",,1900-03-01,23:59:59,1969-07-20 20:17:40.123,\n"
                + ",,,,,,,,,,,,,\n", text);
        List<Row> back = fs.read(ALL_TYPES, csvOptions(out));
        assertEquals(rows.get(0), back.get(0));
        assertEquals(rows.get(1), back.get(1));
        Row third = back.get(2);
        assertEquals("", third.getField(8), "an empty unquoted field reads back as the empty string");
        third.setField(8, null);
        assertEquals(rows.get(2), third);
    }

    @Test
    void nullLiteralAndOptionsApplyToTheSink() throws Exception {
        RowType t = new RowType(List.of("id", "name"), List.of(LogicalType.integer(), LogicalType.string()));
        Path out = dir.resolve("out");
        List<Row> rows = List.of(Row.of(1, null), Row.of(null, "x|y"), Row.of(3, "it's"));
        var options = csvOptions(out, "csv.null-literal", "\\N", "csv.field-delimiter", "|", "csv.quote-character", "'");
        fs.write(t, options, rows);
        assertEquals("1|\\N\n\\N|'x|y'\n3|'it''s'\n", Files.readString(listFiles(out).get(0)));
        assertEquals(rows, fs.read(t, options));
    }

    @Test
    void writerWritesHiddenFileAndRenamesItOnFinish() throws Exception {
        RowType t = new RowType(List.of("id"), List.of(LogicalType.integer()));
        Path out = dir.resolve("nested/out");
        DynamicTableSink sink = new FileSystemTableFactory().createDynamicTableSink(
                FileSystemTestSupport.context(t, csvOptions(out)));
        assertEquals(ChangelogMode.insertOnly(), sink.getChangelogMode(ChangelogMode.all()));
        try (SinkWriter writer = sink.createWriter(new WriterContext(t, allocator, new Configuration(), 3, 4))) {
            writer.open();
            assertEquals(List.of(), listFiles(out), "no file before the first row");
            try (RowBatch batch = fs.batch(t, List.of(Row.of(1), Row.of(2)))) {
                writer.write(batch);
            }
            List<Path> during = listFiles(out);
            assertEquals(1, during.size());
            assertTrue(during.get(0).getFileName().toString().startsWith(".part-"));
            assertEquals(List.of(), fs.read(t, csvOptions(out)), "readers skip the in-progress file");
            writer.finish();
            List<Path> after = listFiles(out);
            assertEquals(1, after.size());
            assertTrue(after.get(0).getFileName().toString().matches("part-.*-3-0\\.csv"));
        }
        assertEquals(List.of(Row.of(1), Row.of(2)), fs.read(t, csvOptions(out)));
    }

    @Test
    void closeWithoutFinishDeletesTheInProgressFile() throws Exception {
        RowType t = new RowType(List.of("id"), List.of(LogicalType.integer()));
        Path out = dir.resolve("out");
        DynamicTableSink sink = new FileSystemTableFactory().createDynamicTableSink(
                FileSystemTestSupport.context(t, csvOptions(out)));
        SinkWriter writer = sink.createWriter(new WriterContext(t, allocator, new Configuration(), 0, 1));
        writer.open();
        try (RowBatch batch = fs.batch(t, List.of(Row.of(1)))) {
            writer.write(batch);
        }
        writer.close();
        assertEquals(List.of(), listFiles(out));
    }

    @Test
    void sinkRejectsUpdates() throws Exception {
        RowType t = new RowType(List.of("id"), List.of(LogicalType.integer()));
        DynamicTableSink sink = new FileSystemTableFactory().createDynamicTableSink(
                FileSystemTestSupport.context(t, csvOptions(dir.resolve("out"))));
        try (SinkWriter writer = sink.createWriter(new WriterContext(t, allocator, new Configuration(), 0, 1));
                RowBatch batch = fs.batch(t, List.of(Row.of(1)))) {
            writer.open();
            TinyIntVector kinds = new TinyIntVector("kind", allocator);
            kinds.allocateNew(1);
            kinds.set(0, RowKind.DELETE.toByteValue());
            kinds.setValueCount(1);
            batch.setRowKinds(kinds);
            TableException e = assertThrows(TableException.class, () -> writer.write(batch));
            assertTrue(e.getMessage().contains("accepts only inserts"));
        }
    }

    @Test
    void manyRowsRoundTrip() throws Exception {
        RowType t = new RowType(List.of("id", "name", "ts"),
                List.of(LogicalType.bigint(), LogicalType.string(), LogicalType.timestamp(3)));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(Row.of((long) i * 31, i % 5 == 0 ? "with, comma " + i : "name" + i,
                    LocalDateTime.of(2024, 1, 1, 0, 0).plusNanos(i * 1_000_000L * 997)));
        }
        Path out = dir.resolve("out");
        fs.write(t, csvOptions(out), rows);
        assertEquals(rows, fs.read(t, csvOptions(out), new int[] {0, 1, 2}, 3000));
        assertEquals(7, fs.batchSizes.size());
        assertEquals("Zürich", new String("Zürich".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
