package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.table.api.UnsupportedFeatureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stop-with-savepoint of a parallel window aggregation, and a second job resumed from the savepoint:
 * together they emit exactly what one uninterrupted job emits.
 */
class ParallelSavepointTest {
    /** Every subtask: 120 rows, one per 4 ms (about half a second), then the end. */
    private static final WindowJobs.Plan BOUNDED = new WindowJobs.Plan(120, 120, 4, true, true);

    @TempDir
    Path tmp;

    private static Configuration config(int parallelism) {
        return new Configuration().set(ExecutionOptions.PARALLELISM, parallelism);
    }

    private static List<String> runToEnd(WindowJobs.Plan plan, Configuration config) throws Exception {
        List<String> sink = new ArrayList<>();
        LocalExecutor.run(WindowJobs.windowCounts(plan, sink), config);
        return WindowJobs.sorted(sink);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    @Timeout(60)
    void aResumedJobEmitsExactlyWhatAnUninterruptedOneDoes(int parallelism) throws Exception {
        List<String> expected = runToEnd(BOUNDED, config(parallelism));
        assertEquals(12 * 5 * parallelism, expected.size(), "12 windows of 5 keys per subtask");

        List<String> sink = new ArrayList<>();
        JobExecution first = LocalExecutor.submit(WindowJobs.windowCounts(BOUNDED, sink), config(parallelism));
        Thread.sleep(200);
        String savepoint = first.stopWithSavepoint(tmp.resolve("savepoints")).get(30, TimeUnit.SECONDS);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        assertEquals(JobStatus.FINISHED, first.status());
        int before = WindowJobs.sorted(sink).size();
        assertTrue(before < expected.size(), "the first job stopped part way: " + before + " rows");

        Path path = Path.of(savepoint);
        assertEquals(tmp.resolve("savepoints"), path.getParent().getParent());
        assertTrue(path.getParent().getFileName().toString().startsWith("savepoint-"), savepoint);
        assertTrue(path.getFileName().toString().startsWith("chk-"), savepoint);
        CheckpointStorage.Checkpoint written = CheckpointStorage.read(path);
        assertEquals(3 * parallelism, written.states().size(), "source, window and sink instances");
        assertEquals("Source events", written.states().get(0).name());
        assertEquals("1_source", written.states().get(0).uid());
        assertEquals(parallelism, written.states().get(0).parallelism());

        LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, sink),
                config(parallelism).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint));
        List<String> all = WindowJobs.sorted(sink);
        assertEquals(expected, all);
        assertEquals(all.size(), new HashSet<>(all).size(), "no result twice");
    }

    @Test
    @Timeout(60)
    void aSourceThatCannotShareItsPositionsFailsToRestoreAtAnotherParallelism() throws Exception {
        List<String> sink = new ArrayList<>();
        JobExecution first = LocalExecutor.submit(WindowJobs.windowCounts(BOUNDED, sink), config(2));
        Thread.sleep(100);
        String savepoint = first.stopWithSavepoint(tmp.resolve("savepoints")).get(30, TimeUnit.SECONDS);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        for (int other : new int[] {1, 3}) {
            Configuration config = config(other).set(CheckpointingOptions.SAVEPOINT_PATH, savepoint);
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> LocalExecutor.run(WindowJobs.windowCounts(BOUNDED, new ArrayList<>()), config));
            assertTrue(e.getMessage().startsWith("not supported yet: restoring the position of "), e.getMessage());
            assertTrue(e.getMessage().contains("at another parallelism (its checkpoint has 2 readers)"),
                    e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void aSavepointThatCannotBeTakenFailsAndTheJobGoesOn() throws Exception {
        WindowJobs.Plan notResumable = new WindowJobs.Plan(120, 120, 4, true, false);
        List<String> expected = runToEnd(notResumable, config(2));
        List<String> sink = new ArrayList<>();
        JobExecution job = LocalExecutor.submit(WindowJobs.windowCounts(notResumable, sink), config(2));
        Thread.sleep(100);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> job.stopWithSavepoint(tmp.resolve("savepoints")).get(30, TimeUnit.SECONDS));
        assertInstanceOf(UnsupportedFeatureException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("cannot resume from a position"), e.getCause().getMessage());
        job.await();
        assertEquals(JobStatus.FINISHED, job.status());
        assertEquals(expected, WindowJobs.sorted(sink));
        assertTrue(!Files.exists(tmp.resolve("savepoints")) || Files.list(tmp.resolve("savepoints")).findAny().isEmpty(),
                "no savepoint written");
    }
}
