package io.sluice.connector.filesystem;

import static io.sluice.connector.filesystem.FileSystemTestSupport.context;
import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SupportsOverwrite;
import io.sluice.runtime.connector.SupportsPartitioning;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading partitioned filesystem tables through the factory, plus metadata columns. */
class PartitionedTableTest {
    private static final RowType T = new RowType(List.of("id", "dt", "name", "hr"),
            List.of(LogicalType.integer(), LogicalType.string(), LogicalType.string(), LogicalType.integer()));
    private static final List<String> KEYS = List.of("dt", "hr");

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

    private static List<Row> rows() {
        return List.of(Row.of(1, "2024-01-01", "a", 10), Row.of(2, "2024-01-02", "b", 10),
                Row.of(3, "2024-01-01", "c", 10), Row.of(4, "2024-01-01", "d", 11),
                Row.of(5, null, "e", 10), Row.of(6, "", "f", null), Row.of(7, "a/b=c", "g", 1));
    }

    private DynamicTableSink sink(Map<String, String> options) {
        return new FileSystemTableFactory().createDynamicTableSink(context(T, options, KEYS));
    }

    private void write(DynamicTableSink sink, List<Row> rows) throws Exception {
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = fs.batch(T, rows)) {
                writer.write(batch);
            }
            writer.finish();
        }
    }

    private FileSystemTableSource source(Map<String, String> options) {
        return (FileSystemTableSource) new FileSystemTableFactory().createDynamicTableSource(context(T, options, KEYS));
    }

    private List<String> read(FileSystemTableSource source, RowType full, int... projection) throws Exception {
        List<String> out = new ArrayList<>();
        for (Row r : fs.read(source, full, projection, 2)) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }

    /** Relative paths of the visible files and markers below the table directory. */
    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> dir.relativize(p).toString()
                    .replaceAll("part-[0-9a-f-]+-0-[0-9]+\\.csv", "part.csv")).sorted().toList();
        }
    }

    @Test
    void dynamicPartitionsGoToEscapedDirectoriesWithoutTheirColumns() throws Exception {
        write(sink(csvOptions(dir)), rows());
        assertEquals(List.of("dt=2024-01-01/hr=10/part.csv", "dt=2024-01-01/hr=11/part.csv",
                "dt=2024-01-02/hr=10/part.csv", "dt=__DEFAULT_PARTITION__/hr=10/part.csv",
                "dt=__DEFAULT_PARTITION__/hr=__DEFAULT_PARTITION__/part.csv", "dt=a%2Fb%3Dc/hr=1/part.csv"), files());
        try (Stream<Path> s = Files.walk(dir.resolve("dt=2024-01-01/hr=10"))) {
            Path file = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            assertEquals("1,a\n3,c\n", Files.readString(file));
        }
    }

    @Test
    void readsPartitionValuesFromTheDirectories() throws Exception {
        write(sink(csvOptions(dir)), rows());
        assertEquals(List.of("+I[1, 2024-01-01, a, 10]", "+I[2, 2024-01-02, b, 10]", "+I[3, 2024-01-01, c, 10]",
                "+I[4, 2024-01-01, d, 11]", "+I[5, null, e, 10]", "+I[6, null, f, null]", "+I[7, a/b=c, g, 1]"),
                read(source(csvOptions(dir)), T, 0, 1, 2, 3));
        // partition columns first, data columns in another order, and only partition columns
        assertEquals(List.of("+I[1, 2024-01-01, 10]", "+I[10, 2024-01-01, 1]", "+I[10, 2024-01-01, 3]",
                "+I[10, 2024-01-02, 2]", "+I[10, a/b=c, 7]", "+I[10, null, 5]", "+I[11, 2024-01-01, 4]",
                "+I[null, null, 6]").toString().replace("+I[1, 2024-01-01, 10]", "+I[1, a/b=c, 7]")
                .replace(", +I[10, a/b=c, 7]", ""),
                read(source(csvOptions(dir)), T, 3, 1, 0).toString());
        assertEquals(List.of("+I[10]", "+I[10]", "+I[10]", "+I[10]", "+I[11]", "+I[1]", "+I[null]"),
                read(source(csvOptions(dir)), T, 3));
    }

    @Test
    void prunedPartitionsAreNotRead() throws Exception {
        write(sink(csvOptions(dir)), rows());
        FileSystemTableSource source = source(csvOptions(dir));
        List<Map<String, String>> partitions = source.listPartitions();
        assertEquals(6, partitions.size());
        assertTrue(partitions.contains(Map.of("dt", "2024-01-01", "hr", "11")));
        Map<String, String> nulls = new java.util.HashMap<>();
        nulls.put("dt", null);
        nulls.put("hr", null);
        assertTrue(partitions.contains(nulls));
        source.applyPartitions(List.of(Map.of("dt", "2024-01-01", "hr", "10"), nulls));
        assertEquals(List.of("+I[1, a]", "+I[3, c]", "+I[6, f]"), read(source, T, 0, 2));
    }

    @Test
    void metadataColumnsFollowThePhysicalColumns() throws Exception {
        write(sink(csvOptions(dir)), rows());
        FileSystemTableSource source = source(csvOptions(dir));
        source.applyReadableMetadata(List.of("file.name", "file.size", "file.path"),
                List.of(LogicalType.string(), LogicalType.bigint(), LogicalType.string()));
        RowType full = new RowType(List.of("id", "dt", "name", "hr", "fname", "fsize", "fpath"),
                List.of(LogicalType.integer(), LogicalType.string(), LogicalType.string(), LogicalType.integer(),
                        LogicalType.string(), LogicalType.bigint(), LogicalType.string()));
        source.applyPartitions(List.of(Map.of("dt", "2024-01-01", "hr", "10")));
        List<Row> rows = fs.read(source, full, new int[] {0, 4, 5, 6}, 4096);
        assertEquals(2, rows.size());
        Path file;
        try (Stream<Path> s = Files.walk(dir.resolve("dt=2024-01-01/hr=10"))) {
            file = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        for (Row r : rows) {
            assertEquals(file.getFileName().toString(), r.getField(1));
            assertEquals(Files.size(file), r.getField(2));
            assertEquals(file.toAbsolutePath().toString(), r.getField(3));
        }
    }

    @Test
    void metadataTypesAndKeysAreChecked() {
        FileSystemTableSource source = source(csvOptions(dir));
        assertThrows(ValidationException.class,
                () -> source.applyReadableMetadata(List.of("file.owner"), List.of(LogicalType.string())));
        assertThrows(ValidationException.class,
                () -> source.applyReadableMetadata(List.of("file.size"), List.of(LogicalType.date())));
    }

    @Test
    void successFilesMarkCommittedPartitions() throws Exception {
        write(sink(csvOptions(dir, "sink.partition-commit.policy.kind", "metastore,success-file",
                "sink.partition-commit.success-file.name", "_DONE")), rows().subList(0, 2));
        assertEquals(List.of("dt=2024-01-01/hr=10/_DONE", "dt=2024-01-01/hr=10/part.csv",
                "dt=2024-01-02/hr=10/_DONE", "dt=2024-01-02/hr=10/part.csv"), files());
    }

    @Test
    void checkpointsPublishFilesAndCommitPartitionsAfterTheDelay() throws Exception {
        DynamicTableSink sink = sink(csvOptions(dir, "sink.partition-commit.policy.kind", "success-file",
                "sink.partition-commit.delay", "1 h"));
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = fs.batch(T, rows().subList(0, 1))) {
                writer.write(batch);
            }
            byte[] state = writer.snapshotState(1);
            assertEquals(List.of(), files());
            writer.notifyCheckpointComplete(1);
            assertEquals(List.of("dt=2024-01-01/hr=10/part.csv"), files());
            try (RowBatch batch = fs.batch(T, rows().subList(1, 2))) {
                writer.write(batch);
            }
            writer.finish();
            assertTrue(state.length > 0);
        }
        assertEquals(List.of("dt=2024-01-01/hr=10/_SUCCESS", "dt=2024-01-01/hr=10/part.csv",
                "dt=2024-01-02/hr=10/_SUCCESS", "dt=2024-01-02/hr=10/part.csv"), files());
    }

    @Test
    void thePartitionTimeTriggerCommitsPartitionsTheCheckpointsWatermarkPassed() throws Exception {
        DynamicTableSink sink = sink(csvOptions(dir, "sink.partition-commit.policy.kind", "success-file",
                "sink.partition-commit.trigger", "partition-time", "sink.partition-commit.delay", "1 h",
                "partition.time-extractor.timestamp-pattern", "$dt $hr:00:00",
                "sink.partition-commit.watermark-time-zone", "Europe/Berlin"));
        long berlin11 = java.time.LocalDateTime.parse("2024-01-01T11:00:00")
                .atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = fs.batch(T, rows().subList(0, 4))) { // 2024-01-01 10h and 11h, 2024-01-02 10h
                writer.write(batch);
            }
            writer.processWatermark(berlin11); // 10:00 + 1 h is not yet passed
            writer.snapshotState(1);
            writer.processWatermark(berlin11 + 1);
            writer.notifyCheckpointComplete(1); // commits by the watermark of checkpoint 1
            assertEquals(List.of("dt=2024-01-01/hr=10/part.csv", "dt=2024-01-01/hr=11/part.csv",
                    "dt=2024-01-02/hr=10/part.csv"), files());
            writer.snapshotState(2);
            writer.notifyCheckpointComplete(2);
            assertEquals(List.of("dt=2024-01-01/hr=10/_SUCCESS", "dt=2024-01-01/hr=10/part.csv",
                    "dt=2024-01-01/hr=11/part.csv", "dt=2024-01-02/hr=10/part.csv"), files());
            writer.finish(); // the end of the input commits the rest
        }
        assertEquals(List.of("dt=2024-01-01/hr=10/_SUCCESS", "dt=2024-01-01/hr=10/part.csv",
                "dt=2024-01-01/hr=11/_SUCCESS", "dt=2024-01-01/hr=11/part.csv",
                "dt=2024-01-02/hr=10/_SUCCESS", "dt=2024-01-02/hr=10/part.csv"), files());
    }

    @Test
    void aPartitionWhoseTimeCannotBeReadFailsNamingItAndThePattern() throws Exception {
        DynamicTableSink sink = sink(csvOptions(dir, "sink.partition-commit.policy.kind", "success-file",
                "sink.partition-commit.trigger", "partition-time"));
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = fs.batch(T, rows().subList(6, 7))) { // dt = 'a/b=c'
                writer.write(batch);
            }
            writer.processWatermark(0);
            writer.snapshotState(1);
            Exception e = assertThrows(io.sluice.table.api.TableException.class,
                    () -> writer.notifyCheckpointComplete(1));
            assertTrue(e.getMessage().contains("partition dt=a/b=c/hr=1: 'a/b=c' does not match yyyy-[M]M-[d]d"),
                    e.getMessage());
        }
        assertThrows(UnsupportedFeatureException.class, () -> sink(csvOptions(dir,
                "sink.partition-commit.trigger", "partition-time", "partition.time-extractor.kind", "custom")));
        assertThrows(ValidationException.class, () -> sink(csvOptions(dir,
                "sink.partition-commit.watermark-time-zone", "Mars/Olympus")));
    }

    @Test
    void restoredWriterPublishesTheCheckpointsFilesAndDropsLaterOnes() throws Exception {
        DynamicTableSink sink = sink(csvOptions(dir, "sink.partition-commit.policy.kind", "success-file"));
        // the process dies after checkpoint 1 and before its completion is notified: the writer is not closed
        try (SinkWriter crashed = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            crashed.open();
            try (RowBatch batch = fs.batch(T, rows().subList(0, 2))) {
                crashed.write(batch);
            }
            byte[] state = crashed.snapshotState(1);
            try (RowBatch batch = fs.batch(T, rows().subList(3, 4))) {
                crashed.write(batch);
            }
            assertEquals(List.of(), files());
            try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
                writer.open();
                writer.restoreState(state);
                writer.finish();
            }
        } // closing the dead writer only releases its files; its unfinished part is deleted
        assertEquals(List.of("dt=2024-01-01/hr=10/_SUCCESS", "dt=2024-01-01/hr=10/part.csv",
                "dt=2024-01-02/hr=10/_SUCCESS", "dt=2024-01-02/hr=10/part.csv"), files());
    }

    @Test
    void overwriteReplacesOnlyTheWrittenPartitions() throws Exception {
        write(sink(csvOptions(dir)), rows().subList(0, 4));
        DynamicTableSink sink = sink(csvOptions(dir));
        ((SupportsOverwrite) sink).applyOverwrite(true);
        write(sink, List.of(Row.of(9, "2024-01-01", "z", 10)));
        assertEquals(List.of("+I[2, 2024-01-02, b, 10]", "+I[4, 2024-01-01, d, 11]", "+I[9, 2024-01-01, z, 10]"),
                read(source(csvOptions(dir)), T, 0, 1, 2, 3));
    }

    @Test
    void overwriteOfAnEmptyStaticPartitionClearsIt() throws Exception {
        write(sink(csvOptions(dir)), rows().subList(0, 4));
        DynamicTableSink sink = sink(csvOptions(dir));
        ((SupportsOverwrite) sink).applyOverwrite(true);
        ((SupportsPartitioning) sink).applyStaticPartition(Map.of("hr", "011", "dt", "2024-01-01"));
        write(sink, List.of());
        assertEquals(List.of("+I[1, 2024-01-01, a, 10]", "+I[2, 2024-01-02, b, 10]", "+I[3, 2024-01-01, c, 10]"),
                read(source(csvOptions(dir)), T, 0, 1, 2, 3));
    }

    @Test
    void staticPartitionMustNameAPartitionKey() {
        DynamicTableSink sink = sink(csvOptions(dir));
        ValidationException e = assertThrows(ValidationException.class,
                () -> ((SupportsPartitioning) sink).applyStaticPartition(Map.of("name", "x")));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void partitionCommitOptionsAreValidated() {
        assertThrows(ValidationException.class,
                () -> sink(csvOptions(dir, "sink.partition-commit.trigger", "partition-tme")));
        assertThrows(UnsupportedFeatureException.class,
                () -> sink(csvOptions(dir, "sink.partition-commit.policy.kind", "custom")));
        assertThrows(ValidationException.class,
                () -> sink(csvOptions(dir, "sink.partition-commit.policy.kind", "succes-file")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> sink(csvOptions(dir, "sink.partition-commit.delai", "1 s")));
        assertTrue(e.getMessage().contains("sink.partition-commit.delay"), e.getMessage());
    }

    @Test
    void unsortedRowsWriteOneFilePerPartition() throws Exception {
        List<Row> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(Row.of(i, i % 2 == 0 ? "even" : "odd", "n" + i, i % 3));
        }
        write(sink(csvOptions(dir)), many);
        assertEquals(6, files().size());
        assertEquals(new TreeSet<>(Arrays.asList(0, 1, 2)), new TreeSet<>(
                read(source(csvOptions(dir)), T, 3).stream().map(s -> Integer.parseInt(s.replaceAll("\\D", "")))
                        .toList()));
        assertEquals(100, read(source(csvOptions(dir)), T, 0).size());
        assertFalse(files().stream().anyMatch(f -> f.contains("inprogress")));
    }
}
