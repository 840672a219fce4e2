package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint that cannot be taken is counted as failed, and its failure is in the job's exception history. */
class FailedCheckpointMetricsTest {
    @TempDir
    Path checkpoints;

    /** Passes batches on; saving its state always fails. */
    private static final class UnsaveableOperator implements StreamOperator, CheckpointedOperator {
        private Output output;

        @Override
        public void open(OperatorContext context, Output output) {
            this.output = output;
        }

        @Override
        public void processBatch(int input, RowBatch batch) throws Exception {
            output.emit(batch);
        }

        @Override
        public void endInput(int input) {
        }

        @Override
        public void snapshotState(StateWriter out) {
            throw new IllegalStateException("state cannot be saved");
        }

        @Override
        public void restoreState(StateReader in) {
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(30)
    void aFailedCheckpointIsCounted(int parallelism) throws Exception {
        SourceTransformation source = WindowJobs.events("Source events", new WindowJobs.Plan(-1, -1, 1, false, true));
        OperatorTransformation unsaveable = new OperatorTransformation("Unsaveable", List.of(source),
                UnsaveableOperator::new, WindowJobs.EVENTS);
        SinkTransformation sink = new SinkTransformation("Sink discard", unsaveable, context -> new SinkWriter() {
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
        JobExecution job = LocalExecutor.submit(new JobGraph("failing-checkpoint", List.of(sink)), new Configuration()
                .set(ExecutionOptions.PARALLELISM, parallelism)
                .set(CheckpointingOptions.INTERVAL, Duration.ofMillis(20))
                .set(CheckpointingOptions.DIRECTORY, checkpoints.toString())
                .set(CheckpointingOptions.RESTART_STRATEGY, "none"));
        if (!job.await(20, TimeUnit.SECONDS)) {
            job.cancel();
            throw new AssertionError("the job should have failed at its first checkpoint");
        }
        assertEquals(JobStatus.FAILED, job.status());
        CheckpointStats stats = job.metrics().checkpoints();
        assertEquals(1, stats.numberOfFailedCheckpoints());
        assertEquals(0, stats.numberOfCompletedCheckpoints());
        assertEquals("FAILED", stats.history().get(0).status());
        assertTrue(String.valueOf(stats.latestFailed().failureMessage()).contains("state cannot be saved"),
                stats.latestFailed().toString());
        assertEquals(1, job.metrics().exceptions().size());
        assertEquals(IllegalStateException.class.getName(), job.metrics().exceptions().get(0).exceptionName());
    }
}
