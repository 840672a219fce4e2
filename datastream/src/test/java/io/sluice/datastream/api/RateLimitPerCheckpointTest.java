package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.state.CheckpointListener;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.connector.datagen.source.GeneratorFunction;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code RateLimiterStrategy.perCheckpoint}: each generator instance emits its share of the records per checkpoint,
 * then waits for the next checkpoint to complete.
 */
class RateLimitPerCheckpointTest {
    /** Per instance: how many records it saw after each number of completed checkpoints. */
    static final Map<Integer, Map<Integer, Integer>> SEEN = new ConcurrentHashMap<>();

    /** Counts records per completed-checkpoint count; chained to the generator, so on the generator's thread. */
    static final class CountPerCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
        private int completed;
        private Map<Integer, Integer> mine;

        @Override
        public void open(OpenContext openContext) {
            mine = SEEN.computeIfAbsent(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                    i -> new ConcurrentHashMap<>());
        }

        @Override
        public Long map(Long value) {
            mine.merge(completed, 1, Integer::sum);
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed++;
        }
    }

    @Test
    void eachInstanceEmitsItsShareBetweenCheckpoints() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(30);
        DataGeneratorSource<Long> source = new DataGeneratorSource<>((GeneratorFunction<Long, Long>) i -> i, 60,
                RateLimiterStrategy.perCheckpoint(10), Types.LONG);
        List<Long> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "gated")
                .map(new CountPerCheckpoint()).returns(Types.LONG).executeAndCollect(1000);
        out.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 60; i++) {
            expected.add(i);
        }
        assertEquals(expected, out);
        assertEquals(2, SEEN.size());
        for (Map<Integer, Integer> perCheckpoint : SEEN.values()) {
            TreeMap<Integer, Integer> sorted = new TreeMap<>(perCheckpoint);
            assertTrue(sorted.values().stream().allMatch(n -> n <= 5), "at most 10 / 2 records between two"
                    + " checkpoints: " + sorted);
            assertEquals(5, sorted.firstEntry().getValue(), "the first 5 before any checkpoint completed");
            assertTrue(sorted.size() >= 6, "30 records took at least 6 checkpoints: " + sorted);
        }
    }

    @Test
    void fewerRecordsPerCheckpointThanInstancesFailTheJob() {
        io.sluice.configuration.Configuration conf = new io.sluice.configuration.Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(3);
        env.enableCheckpointing(30);
        DataGeneratorSource<Long> source = new DataGeneratorSource<>((GeneratorFunction<Long, Long>) i -> i, 10,
                RateLimiterStrategy.perCheckpoint(2), Types.LONG);
        Exception e = assertThrows(Exception.class, () -> env.fromSource(source, WatermarkStrategy.noWatermarks(),
                "gated").executeAndCollect(100));
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        assertTrue(String.valueOf(t.getMessage()).contains("must be greater than or equal to the parallelism"),
                String.valueOf(e));
        assertThrows(IllegalArgumentException.class, () -> RateLimiterStrategy.perCheckpoint(0));
    }
}
