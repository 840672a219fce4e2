package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.state.CheckpointListener;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.configuration.ExternalizedCheckpointRetention;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.connector.datagen.source.GeneratorFunction;
import io.sluice.streaming.api.environment.CheckpointConfig;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The checkpoint settings of Flink's checkpointing page: the minimum pause applies, the others are recorded. */
class CheckpointConfigTest {
    static final AtomicInteger COMPLETED = new AtomicInteger();

    /** Counts completed checkpoints. */
    static final class CountCheckpoints implements MapFunction<Long, Long>, CheckpointListener {
        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }
    }

    @Test
    void theMinimumPauseSpacesCheckpoints() throws Exception {
        COMPLETED.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(5);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(300);
        assertEquals(300, env.getCheckpointConfig().getMinPauseBetweenCheckpoints());
        long start = System.nanoTime();
        env.fromSource(new DataGeneratorSource<>((GeneratorFunction<Long, Long>) i -> i, 300,
                        RateLimiterStrategy.perSecond(250), Types.LONG), WatermarkStrategy.noWatermarks(), "gen")
                .map(new CountCheckpoints()).returns(Types.LONG)
                .sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // with a 5 ms interval alone there would be about elapsed / 5; the pause allows one per 300 ms at most
        assertTrue(COMPLETED.get() >= 1, "checkpoints were taken");
        assertTrue(COMPLETED.get() <= elapsedMillis / 300 + 1, COMPLETED.get() + " checkpoints in " + elapsedMillis
                + " ms");
    }

    @Test
    void theOtherSettingsOfFlinksExampleAreAccepted() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1000);
        CheckpointConfig c = env.getCheckpointConfig();
        c.setCheckpointTimeout(60000);
        c.setTolerableCheckpointFailureNumber(2);
        c.setMaxConcurrentCheckpoints(1);
        c.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        c.enableUnalignedCheckpoints();
        c.setAlignedCheckpointTimeout(Duration.ofSeconds(1));
        assertEquals(60000, c.getCheckpointTimeout());
        assertEquals(2, c.getTolerableCheckpointFailureNumber());
        assertEquals("2", env.getConfiguration().getString("execution.checkpointing.tolerable-failed-checkpoints"));
        assertEquals(1, c.getMaxConcurrentCheckpoints());
        assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION, c.getExternalizedCheckpointRetention());
        assertTrue(c.isExternalizedCheckpointsEnabled());
        assertTrue(c.isUnalignedCheckpointsEnabled());
        assertFalse(c.isForceUnalignedCheckpoints());
        assertEquals(Duration.ofSeconds(1), c.getAlignedCheckpointTimeout());
        assertThrows(IllegalArgumentException.class, () -> c.setMinPauseBetweenCheckpoints(-1));
        assertThrows(IllegalArgumentException.class, () -> c.setMaxConcurrentCheckpoints(0));
        assertTrue(env.isChainingEnabled());
        env.disableOperatorChaining();
        assertFalse(env.isChainingEnabled());
    }
}
