package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.metrics.CheckpointStats;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.AsyncCheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateSnapshot;
import io.sluice.runtime.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous part of a snapshot runs off the task thread and can fail: the checkpoint then fails (its files
 * are deleted, nothing completes), and the job goes on while no more checkpoints failed in a row than
 * {@code execution.checkpointing.tolerable-failed-checkpoints} allows, and fails otherwise. A checkpoint completes
 * only once every asynchronous part has written its file, and what it wrote is the state at the barrier.
 */
class AsyncSnapshotFailureTest {
    @TempDir
    Path checkpoints;

    /** Counts the rows it passes on; its snapshot (the count at the barrier) is written late and may fail. */
    private static final class CountingOperator implements StreamOperator, AsyncCheckpointedOperator {
        private final AtomicInteger failuresLeft;
        private Output output;
        private long rows;

        CountingOperator(AtomicInteger failuresLeft) {
            this.failuresLeft = failuresLeft;
        }

        @Override
        public void open(OperatorContext context, Output output) {
            this.output = output;
        }

        @Override
        public void processBatch(int input, RowBatch batch) throws Exception {
            rows += batch.rowCount();
            output.emit(batch);
        }

        @Override
        public void endInput(int input) {
        }

        @Override
        public StateSnapshot snapshotStateAsync() {
            long atBarrier = rows;
            return new StateSnapshot() {
                @Override
                public void write(StateWriter out) throws Exception {
                    Thread.sleep(30); // the task thread goes on meanwhile
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new java.io.IOException("disk full (test)");
                    }
                    out.writeLong(atBarrier);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void restoreState(StateReader in) throws Exception {
            rows = in.readLong();
        }

        @Override
        public void close() {
        }
    }

    private JobExecution run(int failures, int tolerable, AtomicInteger failuresLeft) throws Exception {
        failuresLeft.set(failures);
        SourceTransformation source = WindowJobs.events("Source events",
                new WindowJobs.Plan(400, 400, 2, true, true));
        OperatorTransformation counting = new OperatorTransformation("Counting", List.of(source),
                () -> new CountingOperator(failuresLeft), WindowJobs.EVENTS);
        SinkTransformation sink = new SinkTransformation("Sink discard", counting, context -> new SinkWriter() {
            @Override
            public void open() {
            }

            @Override
            public void write(RowBatch batch) {
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        });
        JobExecution job = LocalExecutor.submit(new JobGraph("async-snapshots", List.of(sink)), new Configuration()
                .set(ExecutionOptions.PARALLELISM, 1)
                .set(CheckpointingOptions.INTERVAL, Duration.ofMillis(20))
                .set(CheckpointingOptions.DIRECTORY, checkpoints.toString())
                .set(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerable)
                .set(CheckpointingOptions.RESTART_STRATEGY, "none"));
        if (!job.await(30, TimeUnit.SECONDS)) {
            job.cancel();
            throw new AssertionError("the job did not end");
        }
        return job;
    }

    private long inProgressDirectories() throws Exception {
        try (Stream<Path> all = Files.walk(checkpoints)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".inprogress")).count();
        }
    }

    @Test
    @Timeout(60)
    void failuresWithinTheToleranceOnlyFailTheirCheckpoints() throws Exception {
        JobExecution job = run(2, 2, new AtomicInteger());
        assertEquals(JobStatus.FINISHED, job.status(), String.valueOf(job.metrics().exceptions()));
        CheckpointStats stats = job.metrics().checkpoints();
        // the two failed writes, and possibly the checkpoint still pending when the bounded input ended
        assertTrue(stats.numberOfFailedCheckpoints() >= 2 && stats.numberOfFailedCheckpoints() <= 3, stats.toString());
        assertTrue(stats.numberOfCompletedCheckpoints() >= 1, stats.toString());
        assertEquals(0, job.metrics().exceptions().size());
        assertEquals(0, inProgressDirectories());
        // the latest complete checkpoint holds the count of rows at its barrier: at most the 400 rows of the source
        CheckpointStorage.Checkpoint latest = CheckpointStorage.read(
                new CheckpointStorage(checkpoints.resolve(job.jobId()), 1).latest().orElseThrow());
        byte[] state = latest.states().stream().filter(s -> s.name().equals("Counting")).findFirst().orElseThrow()
                .data();
        long counted = new StateReader(new ByteArrayInputStream(state)).readLong();
        assertTrue(counted >= 0 && counted <= 400, "counted " + counted);
    }

    @Test
    @Timeout(60)
    void moreFailuresInARowThanToleratedFailTheJob() throws Exception {
        JobExecution job = run(1000, 1, new AtomicInteger());
        assertEquals(JobStatus.FAILED, job.status());
        CheckpointStats stats = job.metrics().checkpoints();
        assertEquals(2, stats.numberOfFailedCheckpoints());
        assertEquals(0, stats.numberOfCompletedCheckpoints());
        assertTrue(job.metrics().exceptions().get(0).toString().contains("tolerable-failed-checkpoints"),
                job.metrics().exceptions().toString());
        assertEquals(0, inProgressDirectories());
    }
}
