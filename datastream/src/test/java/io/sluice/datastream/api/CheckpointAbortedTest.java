package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.state.CheckpointListener;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.configuration.Configuration;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CheckpointListener.notifyCheckpointAborted}: a savepoint that cannot be written is aborted while the job
 * goes on, and the job's listening functions hear it on their task thread; a later savepoint completes as usual.
 */
class CheckpointAbortedTest {
    static final List<Long> ABORTED = new CopyOnWriteArrayList<>();
    static final List<Long> COMPLETED = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    /** Passes numbers through and records the checkpoint notices it gets. */
    public static final class Listening implements MapFunction<Long, Long>, CheckpointListener {
        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.add(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            ABORTED.add(checkpointId);
        }
    }

    @Test
    void aFailedSavepointIsAbortedAndTheJobGoesOn() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing(60_000);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(500),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new Listening())
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("aborted savepoint");
        try {
            Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> client.triggerSavepoint(notADirectory.toString(), SavepointFormatType.CANONICAL)
                            .get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() != null, "the savepoint failed");
            long deadline = System.currentTimeMillis() + 10_000;
            while (ABORTED.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, ABORTED.size(), "the function heard of the abort: " + ABORTED);
            assertTrue(COMPLETED.isEmpty(), "nothing completed: " + COMPLETED);

            String savepoint = client.triggerSavepoint(dir.resolve("savepoints").toString(),
                    SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
            assertTrue(Files.exists(Path.of(savepoint)), savepoint);
            deadline = System.currentTimeMillis() + 10_000;
            while (COMPLETED.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(COMPLETED.get(0) > ABORTED.get(0), "the next savepoint completed: " + COMPLETED);
            assertEquals(1, ABORTED.size());
        } finally {
            client.cancel();
            client.getJobExecutionResult().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        }
    }
}
