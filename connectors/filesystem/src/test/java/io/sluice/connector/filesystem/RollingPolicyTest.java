package io.sluice.connector.filesystem;

import static io.sluice.connector.filesystem.FileSystemTestSupport.context;
import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.filesystem.format.csv.CsvEncoderFactory;
import io.sluice.connector.filesystem.format.csv.CsvFormatConfig;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink's {@code sink.rolling-policy.*}: part files roll by size, age and inactivity. */
class RollingPolicyTest {
    private static final RowType T = new RowType(List.of("id", "s"),
            List.of(LogicalType.integer(), LogicalType.string()));

    @TempDir
    Path dir;
    private RootAllocator allocator;
    private FileSystemTestSupport fs;
    private final AtomicLong now = new AtomicLong();

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        fs = new FileSystemTestSupport(allocator);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private List<Path> visible() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !FileLister.isHidden(p)).sorted().toList();
        }
    }

    private List<Path> hidden() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(FileLister::isHidden).sorted().toList();
        }
    }

    private void write(SinkWriter writer, int id) throws Exception {
        write(writer, id, "row " + id);
    }

    private void write(SinkWriter writer, int id, String text) throws Exception {
        try (RowBatch batch = fs.batch(T, List.of(Row.of(id, text)))) {
            writer.write(batch);
        }
    }

    /** A writer over a fake clock. */
    private FileSystemSinkWriter writer(RollingPolicy policy) throws Exception {
        FileSystemSinkWriter w = new FileSystemSinkWriter(dir, new CsvEncoderFactory(CsvFormatConfig.defaults(), T), 0,
                null, 1, null, null, policy, now::get);
        w.open();
        return w;
    }

    private List<String> lines() throws Exception {
        List<String> all = new ArrayList<>();
        for (Path p : visible()) {
            all.addAll(Files.readAllLines(p));
        }
        all.sort(null);
        return all;
    }

    @Test
    void aFileRollsOnceItReachesTheSizeThroughTheTableOptions() throws Exception {
        DynamicTableSink sink = new FileSystemTableFactory().createDynamicTableSink(context(T,
                csvOptions(dir, "sink.rolling-policy.file-size", "100 kb")));
        String big = "x".repeat(70_000); // more than csv's 64 KB buffer: each row reaches the file at once
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            for (int i = 1; i <= 5; i++) {
                try (RowBatch batch = fs.batch(T, List.of(Row.of(i, big)))) {
                    writer.write(batch);
                }
            }
            writer.finish();
        }
        // two rows (140 kB) pass 100 kB: files of rows {1, 2}, {3, 4} and {5}
        List<Long> sizes = new ArrayList<>();
        for (Path p : visible()) {
            sizes.add(Files.size(p));
        }
        sizes.sort(null);
        long row = "1,".length() + big.length() + 1;
        assertEquals(List.of(row, 2 * row, 2 * row), sizes);
        assertEquals(5, lines().size());
    }

    @Test
    void aFileRollsAfterTheRolloverInterval() throws Exception {
        try (FileSystemSinkWriter w = writer(new RollingPolicy(1L << 30, 100, 1_000_000, 10))) {
            write(w, 1);
            now.set(50);
            write(w, 2);
            now.set(150);
            write(w, 3); // the file opened at 0 is due: it is closed before this row
            now.set(200);
            write(w, 4);
            w.finish();
        }
        assertEquals(2, visible().size());
        assertEquals(List.of("1,row 1", "2,row 2", "3,row 3", "4,row 4"), lines());
    }

    @Test
    void anIdleFileRollsAfterTheInactivityInterval() throws Exception {
        try (FileSystemSinkWriter w = writer(new RollingPolicy(1L << 30, 1_000_000, 100, 10))) {
            write(w, 1);
            now.set(90);
            write(w, 2);
            now.set(180);
            write(w, 3); // written to 90 ms ago: still the same file
            now.set(281);
            write(w, 4); // idle for 101 ms: rolled before this row
            w.finish();
        }
        assertEquals(2, visible().size());
    }

    @Test
    void timeConditionsAreCheckedOncePerCheckInterval() throws Exception {
        try (FileSystemSinkWriter w = writer(new RollingPolicy(1L << 30, 100, 1_000_000, 1000))) {
            write(w, 1); // no file is open before this row: nothing to check
            now.set(500);
            write(w, 2); // checked: the file open since 0 is past the rollover interval and rolls; next check at 1500
            now.set(1001);
            write(w, 3); // the file open since 500 is past the interval too, but no check is due
            w.finish();
        }
        List<Integer> rowsPerFile = new ArrayList<>();
        for (Path p : visible()) {
            rowsPerFile.add(Files.readAllLines(p).size());
        }
        rowsPerFile.sort(null);
        assertEquals(List.of(1, 2), rowsPerFile);
        assertEquals(List.of("1,row 1", "2,row 2", "3,row 3"), lines());
    }

    @Test
    void rolledFilesStayInvisibleUntilTheCheckpointCompletes() throws Exception {
        String big = "x".repeat(70_000); // more than csv's buffer: the bytes reach the file with the row
        try (FileSystemSinkWriter w = writer(new RollingPolicy(1, 1_000_000, 1_000_000, 1000))) {
            write(w, 1, big);
            write(w, 2, big);
            assertEquals(List.of(), visible());
            assertEquals(2, hidden().size());
            byte[] state = w.snapshotState(1);
            assertTrue(state.length > 0);
            assertEquals(List.of(), visible());
            w.notifyCheckpointComplete(1);
            assertEquals(2, visible().size());
            write(w, 3, big);
            assertEquals(2, visible().size());
        }
        // closed without finishing: the rolled but uncommitted third file is deleted
        assertEquals(2, visible().size());
        assertEquals(List.of(), hidden());
    }

    @Test
    void badRollingOptionsAreRejected() {
        ValidationException e = assertThrows(ValidationException.class, () -> new FileSystemTableFactory()
                .createDynamicTableSink(context(T, csvOptions(dir, "sink.rolling-policy.file-size", "12 parsecs"))));
        assertTrue(e.getMessage().contains("sink.rolling-policy.file-size"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> new FileSystemTableFactory()
                .createDynamicTableSink(context(T, csvOptions(dir, "sink.rolling-policy.rollover-intervall", "1 s"))));
        assertTrue(e.getMessage().contains("Did you mean 'sink.rolling-policy.rollover-interval'"), e.getMessage());
    }

    @Test
    void memorySizesParseLikeFlinks() {
        assertEquals(128L << 20, MemorySizes.parse("k", "128MB"));
        assertEquals(128L << 20, MemorySizes.parse("k", "128 mb"));
        assertEquals(512L << 10, MemorySizes.parse("k", "512kb"));
        assertEquals(2L << 30, MemorySizes.parse("k", "2 g"));
        assertEquals(1000L, MemorySizes.parse("k", "1000"));
        assertEquals(7L, MemorySizes.parse("k", "7 bytes"));
        assertThrows(ValidationException.class, () -> MemorySizes.parse("k", "MB"));
        assertThrows(ValidationException.class, () -> MemorySizes.parse("k", "1.5 MB"));
    }
}
