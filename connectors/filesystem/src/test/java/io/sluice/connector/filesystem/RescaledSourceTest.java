package io.sluice.connector.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filesystem source readers restored at another parallelism take over the earlier readers' shares of the files where
 * they stopped: together they read every remaining row once, also when restored again.
 */
class RescaledSourceTest {
    private static final RowType TYPE = RowType.of(new String[] {"id"}, new LogicalType[] {LogicalType.bigint()});

    @TempDir
    Path dir;

    private static final class Collect implements Output {
        final List<Long> ids;

        Collect(List<Long> ids) {
            this.ids = ids;
        }

        @Override
        public void emit(RowBatch batch) {
            try (batch) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    ids.add((Long) batch.getRow(r).getField(0));
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }
    }

    private FileSystemSourceReader reader(BufferAllocator allocator, int subtask, int readers) {
        ScanTableSource source = new FileSystemTableFactory().createDynamicTableSource(
                FileSystemTestSupport.context(TYPE, FileSystemTestSupport.csvOptions(dir.resolve("t"))));
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 8);
        return (FileSystemSourceReader) source.createReader(new ReaderContext(new int[] {0}, TYPE, allocator, config,
                subtask, readers));
    }

    /** Polls each reader {@code polls} times (to the end when negative); returns their positions. */
    private List<byte[]> run(BufferAllocator allocator, int readers, List<byte[]> restoreFrom, int polls,
            List<Long> ids) throws Exception {
        List<byte[]> positions = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            try (FileSystemSourceReader r = reader(allocator, i, readers)) {
                if (restoreFrom != null) {
                    r.restoreRescaledPositions(restoreFrom);
                }
                r.open();
                Collect out = new Collect(ids);
                for (int p = 0; polls < 0 || p < polls + i; p++) {
                    if (r.pollNext(out) == ReadStatus.END_OF_INPUT) {
                        break;
                    }
                }
                positions.add(r.snapshotPosition());
            }
        }
        return positions;
    }

    @Test
    void readersAtAnotherParallelismReadEveryRemainingRowOnce() throws Exception {
        Files.createDirectories(dir.resolve("t"));
        List<Long> expected = new ArrayList<>();
        for (int f = 0; f < 7; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < 10 + 3 * f; r++) {
                long id = f * 1000L + r;
                text.append(id).append('\n');
                expected.add(id);
            }
            Files.writeString(dir.resolve("t").resolve("part-" + f + ".csv"), text);
        }
        for (int[] change : new int[][] {{2, 3}, {3, 1}, {2, 1}, {1, 2}}) {
            try (BufferAllocator allocator = new RootAllocator()) {
                List<Long> ids = new ArrayList<>();
                List<byte[]> first = run(allocator, change[0], null, 2, ids);
                // the new readers stop part way too, and a third run at the first parallelism reads the rest
                List<byte[]> second = run(allocator, change[1], first, 3, ids);
                run(allocator, change[0], second, -1, ids);
                Collections.sort(ids);
                assertEquals(expected, ids, change[0] + " -> " + change[1] + " -> " + change[0]);
            }
        }
    }

    private FileSystemSourceReader badRecordsReader(BufferAllocator allocator, int subtask, int readers,
            List<String> bad) {
        FileSystemTableSource source = (FileSystemTableSource) new FileSystemTableFactory().createDynamicTableSource(
                FileSystemTestSupport.context(TYPE, FileSystemTestSupport.csvOptions(dir.resolve("b"))));
        source.applyBadRecordRouting();
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 8);
        RowType sideType = io.sluice.runtime.connector.BadRecords.SIDE_OUTPUT_TYPE;
        Output badOutput = new Output() {
            @Override
            public void emit(RowBatch batch) {
                try (batch) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        var row = batch.getRow(r);
                        String file = String.valueOf(row.getField(sideType.indexOf("source")));
                        bad.add(file.substring(file.lastIndexOf('/') + 1) + ":"
                                + row.getField(sideType.indexOf("source_offset")));
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };
        ReaderContext context = new ReaderContext(new int[] {0}, TYPE, allocator, config, subtask, readers)
                .withSideOutputs(tag -> io.sluice.runtime.connector.BadRecords.SIDE_OUTPUT.equals(tag)
                        ? badOutput : null, null);
        return (FileSystemSourceReader) source.createReader(context);
    }

    /**
     * With bad records routed to a table, a restore at another parallelism neither routes a bad record twice nor
     * loses one: each sequence carries the number of bad records its reader had routed.
     */
    @Test
    void readersRoutingBadRecordsAtAnotherParallelismRouteEachBadRecordOnce() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        List<Long> expected = new ArrayList<>();
        List<String> expectedBad = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < 20 + 3 * f; r++) {
                if (r % 7 == 3) {
                    text.append("bad").append(r).append('\n');
                    expectedBad.add("part-" + f + ".csv:" + (r + 1));
                } else {
                    long id = f * 1000L + r;
                    text.append(id).append('\n');
                    expected.add(id);
                }
            }
            Files.writeString(dir.resolve("b").resolve("part-" + f + ".csv"), text);
        }
        Collections.sort(expectedBad);
        for (int[] change : new int[][] {{2, 3}, {3, 1}, {1, 2}}) {
            try (BufferAllocator allocator = new RootAllocator()) {
                List<Long> ids = new ArrayList<>();
                List<String> bad = new ArrayList<>();
                List<byte[]> positions = null;
                int[] runs = {change[0], change[1], change[0]};
                for (int run = 0; run < runs.length; run++) {
                    List<byte[]> next = new ArrayList<>();
                    for (int i = 0; i < runs[run]; i++) {
                        try (FileSystemSourceReader r = badRecordsReader(allocator, i, runs[run], bad)) {
                            if (positions != null) {
                                if (positions.size() == runs[run]) {
                                    r.restorePosition(positions.get(i));
                                } else {
                                    r.restoreRescaledPositions(positions);
                                }
                            }
                            r.open();
                            Collect out = new Collect(ids);
                            int polls = run == runs.length - 1 ? Integer.MAX_VALUE : 2 + i + run;
                            for (int p = 0; p < polls; p++) {
                                if (r.pollNext(out) == ReadStatus.END_OF_INPUT) {
                                    break;
                                }
                            }
                            next.add(r.snapshotPosition());
                        }
                    }
                    positions = next;
                }
                Collections.sort(ids);
                Collections.sort(bad);
                String name = change[0] + " -> " + change[1] + " -> " + change[0];
                assertEquals(expected, ids, name);
                assertEquals(expectedBad, bad, name);
            }
        }
    }

    private FileSystemSourceReader monitoredReader(BufferAllocator allocator, int subtask, int readers) {
        FileSystemTableSource source = (FileSystemTableSource) new FileSystemTableFactory().createDynamicTableSource(
                FileSystemTestSupport.context(TYPE, FileSystemTestSupport.csvOptions(dir.resolve("m"))));
        source.monitor(1);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 4);
        return (FileSystemSourceReader) source.createReader(new ReaderContext(new int[] {0}, TYPE, allocator, config,
                subtask, readers));
    }

    /** Writes monitored file {@code f} with {@code 5 + f} rows (ids f * 1000 + r); adds them to {@code expected}. */
    private void writeMonitored(int f, List<Long> expected) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 5 + f; r++) {
            text.append(f * 1000L + r).append('\n');
            expected.add(f * 1000L + r);
        }
        Files.writeString(dir.resolve("m").resolve("part-" + f + ".csv"), text);
    }

    /**
     * Polls monitored readers (restored from {@code restoreFrom} when not null) {@code polls} times each (the i-th
     * reader {@code i} more), or until nothing is available when negative; returns their positions.
     */
    private List<byte[]> runMonitored(BufferAllocator allocator, int readers, List<byte[]> restoreFrom, int polls,
            List<Long> ids) throws Exception {
        List<byte[]> positions = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            try (FileSystemSourceReader r = monitoredReader(allocator, i, readers)) {
                if (restoreFrom != null) {
                    r.restoreRescaledPositions(restoreFrom);
                }
                r.open();
                Collect out = new Collect(ids);
                for (int p = 0; polls < 0 || p < polls + i; p++) {
                    if (r.pollNext(out) == ReadStatus.NOTHING_AVAILABLE && polls < 0) {
                        break;
                    }
                }
                positions.add(r.snapshotPosition());
            }
        }
        return positions;
    }

    @Test
    void monitoredReadersAtAnotherParallelismReadEveryFileOnce() throws Exception {
        for (int[] change : new int[][] {{2, 3}, {3, 1}, {2, 1}, {1, 2}}) {
            Path m = dir.resolve("m");
            if (Files.isDirectory(m)) {
                try (var files = Files.list(m)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(m);
            List<Long> expected = new ArrayList<>();
            for (int f = 0; f < 6; f++) {
                writeMonitored(f, expected);
            }
            try (BufferAllocator allocator = new RootAllocator()) {
                List<Long> ids = new ArrayList<>();
                // the first readers stop part way through their files (batches of 4 rows)
                List<byte[]> first = runMonitored(allocator, change[0], null, 2, ids);
                for (int f = 6; f < 9; f++) {
                    writeMonitored(f, expected); // new files while the job is down
                }
                List<byte[]> second = runMonitored(allocator, change[1], first, 3, ids);
                writeMonitored(9, expected);
                // and back at the first parallelism, every reader reads until nothing is left
                runMonitored(allocator, change[0], second, -1, ids);
                Collections.sort(ids);
                Collections.sort(expected);
                assertEquals(expected, ids, change[0] + " -> " + change[1] + " -> " + change[0]);
            }
        }
    }
}
