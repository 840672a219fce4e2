package io.sluice.connector.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.connector.filesystem.format.csv.CsvEncoderFactory;
import io.sluice.connector.filesystem.format.csv.CsvFormatConfig;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part files a checkpoint covers: published only by that checkpoint's completion (not an earlier one's), and kept
 * through a failure that comes between the checkpoint's completion and its notification, so a restore finds them.
 */
class SinkCheckpointFilesTest {
    private static final RowType T = new RowType(List.of("id", "s"),
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

    private FileSystemSinkWriter writer() throws Exception {
        FileSystemSinkWriter w = new FileSystemSinkWriter(dir, new CsvEncoderFactory(CsvFormatConfig.defaults(), T), 0);
        w.open();
        return w;
    }

    private void write(FileSystemSinkWriter writer, int id) throws Exception {
        try (RowBatch batch = fs.batch(T, List.of(Row.of(id, "row " + id)))) {
            writer.write(batch);
        }
    }

    private List<String> visibleLines() throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> !FileLister.isHidden(p)).toList()) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }

    @Test
    void aFailureBeforeTheCompletionNoticeKeepsTheCheckpointsFilesForTheRestore() throws Exception {
        byte[] state;
        FileSystemSinkWriter failed = writer();
        write(failed, 1);
        state = failed.snapshotState(1);
        write(failed, 2); // after the checkpoint: lost with the failure, replayed by the sources
        failed.close(); // the task fails before checkpoint 1's completion reaches the sink
        assertEquals(List.of(), visibleLines());

        try (FileSystemSinkWriter restored = writer()) {
            restored.restoreState(state);
            assertEquals(List.of("1,row 1"), visibleLines());
            write(restored, 2);
            restored.finish();
        }
        assertEquals(List.of("1,row 1", "2,row 2"), visibleLines());
    }

    @Test
    void aCompletedCheckpointPublishesOnlyTheFilesItCovers() throws Exception {
        try (FileSystemSinkWriter w = writer()) {
            write(w, 1);
            w.snapshotState(1);
            write(w, 2);
            w.snapshotState(2);
            w.notifyCheckpointComplete(1);
            assertEquals(List.of("1,row 1"), visibleLines());
            w.notifyCheckpointComplete(2);
            assertEquals(List.of("1,row 1", "2,row 2"), visibleLines());
            write(w, 3);
        }
        // closed without finishing: row 3 was covered by no checkpoint
        assertEquals(List.of("1,row 1", "2,row 2"), visibleLines());
    }
}
