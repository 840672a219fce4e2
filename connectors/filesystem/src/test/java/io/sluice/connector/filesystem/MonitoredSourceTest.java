package io.sluice.connector.filesystem;

import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code source.monitor-interval}: new files are read once, across checkpoints and restores. */
@Timeout(60)
class MonitoredSourceTest {
    private static final RowType T = new RowType(List.of("id", "s"),
            List.of(LogicalType.integer(), LogicalType.string()));

    @TempDir
    Path dir;
    private RootAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static TableContext context(Map<String, String> options, RuntimeMode mode) {
        return new TableContext("default_catalog.default_database.t", T, options,
                new Configuration().set(ExecutionOptions.RUNTIME_MODE, mode));
    }

    private ScanTableSource source() {
        return new FileSystemTableFactory().createDynamicTableSource(context(csvOptions(dir,
                "source.monitor-interval", "5 ms"), RuntimeMode.STREAMING));
    }

    /** Adds a file the way writers should: written under a hidden name, then renamed. */
    private void addFile(String name, int... ids) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(id).append(",row ").append(id).append('\n');
        }
        Path target = dir.resolve(name);
        Path hidden = target.resolveSibling("." + target.getFileName());
        Files.writeString(hidden, sb.toString());
        Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A reader and what it emitted. */
    private final class Run implements AutoCloseable {
        final FileSystemSourceReader reader;
        final List<Integer> ids = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final Output output = new Output() {
            @Override
            public void emit(RowBatch batch) {
                try (batch) {
                    batchSizes.add(batch.rowCount());
                    for (int r = 0; r < batch.rowCount(); r++) {
                        Row row = batch.getRow(r);
                        ids.add((Integer) row.getField(0));
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };

        Run(ScanTableSource source, int batchSize, int subtask, int parallelism, byte[] restore) throws Exception {
            Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
            reader = (FileSystemSourceReader) source.createReader(new ReaderContext(new int[] {0, 1}, T, allocator,
                    config, subtask, parallelism));
            if (restore != null) {
                reader.restorePosition(restore);
            }
            reader.open();
        }

        /** Polls until {@code n} rows were emitted in total. */
        void pollUntil(int n) throws Exception {
            while (ids.size() < n) {
                ReadStatus status = reader.pollNext(output);
                assertTrue(status != ReadStatus.END_OF_INPUT, "a monitoring reader never ends");
                if (status == ReadStatus.NOTHING_AVAILABLE) {
                    Thread.sleep(1);
                }
            }
        }

        /** Polls a few listing intervals and checks nothing more arrives. */
        void pollIdle() throws Exception {
            long end = System.currentTimeMillis() + 50;
            int before = ids.size();
            while (System.currentTimeMillis() < end) {
                reader.pollNext(output);
                Thread.sleep(1);
            }
            assertEquals(before, ids.size(), "no more rows: " + ids);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }

    @Test
    void filesAddedWhileReadingAreReadOnce() throws Exception {
        addFile("a.csv", 1, 2);
        ScanTableSource source = source();
        assertFalse(source.isBounded());
        assertTrue(source.describe().contains("monitor-interval=5 ms"), source.describe());
        try (Run run = new Run(source, 1024, 0, 1, null)) {
            run.pollUntil(2);
            // the last rows of a file are emitted when it ends, not held back for the next file
            assertEquals(List.of(2), run.batchSizes);
            run.pollIdle();
            addFile("b.csv", 3);
            Files.createDirectories(dir.resolve("sub"));
            addFile("sub/c.csv", 4, 5);
            run.pollUntil(5);
            run.pollIdle();
            assertEquals(Set.of(1, 2, 3, 4, 5), new HashSet<>(run.ids));
            assertEquals(5, run.ids.size());
        }
    }

    @Test
    void aRestoredReaderSkipsReadFilesAndTheEmittedRowsOfTheCurrentOne() throws Exception {
        addFile("a.csv", 1, 2);
        addFile("b.csv", 3, 4, 5);
        ScanTableSource source = source();
        byte[] checkpoint;
        try (Run run = new Run(source, 1, 0, 1, null)) {
            run.pollUntil(3); // all of a.csv, the first row of b.csv
            assertEquals(List.of(1, 2, 3), run.ids);
            checkpoint = run.reader.snapshotPosition();
            run.pollUntil(5); // read after the checkpoint: lost when the job fails
        }
        addFile("c.csv", 6);
        try (Run restored = new Run(source(), 1, 0, 1, checkpoint)) {
            restored.pollUntil(3);
            restored.pollIdle();
            assertEquals(List.of(4, 5, 6), restored.ids);
            byte[] second = restored.reader.snapshotPosition();
            addFile("d.csv", 7);
            try (Run again = new Run(source(), 1024, 0, 1, second)) {
                again.pollUntil(1);
                again.pollIdle();
                assertEquals(List.of(7), again.ids);
            }
        }
    }

    @Test
    void parallelReadersSplitTheFilesBetweenThem() throws Exception {
        for (int f = 0; f < 20; f++) {
            addFile("f" + f + ".csv", f);
        }
        ScanTableSource source = source();
        try (Run first = new Run(source, 1024, 0, 2, null); Run second = new Run(source, 1024, 1, 2, null)) {
            // each polls until the two together have read every file
            while (first.ids.size() + second.ids.size() < 20) {
                first.reader.pollNext(first.output);
                second.reader.pollNext(second.output);
            }
            first.pollIdle();
            second.pollIdle();
            Set<Integer> all = new HashSet<>(first.ids);
            all.addAll(second.ids);
            assertEquals(20, all.size());
            assertEquals(20, first.ids.size() + second.ids.size());
            assertFalse(first.ids.isEmpty());
            assertFalse(second.ids.isEmpty());
        }
    }

    @Test
    void batchModeReadsTheFilesPresentAndEnds() throws Exception {
        addFile("a.csv", 1);
        ScanTableSource source = new FileSystemTableFactory().createDynamicTableSource(context(csvOptions(dir,
                "source.monitor-interval", "1 s"), RuntimeMode.BATCH));
        assertTrue(source.isBounded());
        assertEquals(List.of(Row.of(1, "row 1")),
                new FileSystemTestSupport(allocator).read(source, T, new int[] {0, 1}, 16));
    }

    @Test
    void aCheckpointOfABoundedReadCannotRestoreAMonitoringReader() throws Exception {
        addFile("a.csv", 1);
        ScanTableSource bounded = new FileSystemTableFactory().createDynamicTableSource(
                context(csvOptions(dir), RuntimeMode.STREAMING));
        byte[] position;
        try (Run run = new Run(bounded, 16, 0, 1, null)) {
            position = run.reader.snapshotPosition();
        }
        Exception e = assertThrows(Exception.class, () -> new Run(source(), 16, 0, 1, position).close());
        assertTrue(e.getMessage().contains("without 'source.monitor-interval'"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> new FileSystemTableFactory().createDynamicTableSource(
                context(csvOptions(dir, "source.monitor-interval", "0 s"), RuntimeMode.STREAMING)));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }
}
