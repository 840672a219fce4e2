package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed DataStream job stopped with a savepoint at one parallelism resumes at another: each key's running sum
 * goes on from the savepoint on whichever instance owns its key group now, and the generator's remaining numbers are
 * shared by the new readers, so every number is counted exactly once.
 */
class RescaleSavepointTest {
    private static final Map<String, List<Tuple2<Long, Long>>> RESULTS = new ConcurrentHashMap<>();
    private static final long COUNT = 3000;
    private static final int KEYS = 7;

    @TempDir
    Path dir;

    /** Remembers every record in a static list named by the sink. */
    static final class ListSink implements Sink<Tuple2<Long, Long>> {
        private final String name;

        ListSink(String name) {
            this.name = name;
            RESULTS.put(name, new CopyOnWriteArrayList<>());
        }

        @Override
        public SinkWriter<Tuple2<Long, Long>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Tuple2<Long, Long> element, Context ctx) {
                    RESULTS.get(name).add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private StreamExecutionEnvironment env(int parallelism, String savepoint) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "16");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /** Running count per key (number % KEYS) of the numbers 0 .. COUNT-1. */
    private static void job(StreamExecutionEnvironment env, String sink) {
        env.fromSource(new DataGeneratorSource<>(i -> i, COUNT, RateLimiterStrategy.perSecond(2000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(i -> Tuple2.of(i % KEYS, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .sinkTo(new ListSink(sink));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 3", "3, 1", "1, 2"})
    @Timeout(120)
    void keyedStateAndSourceSplitsFollowTheNewParallelism(int from, int to) throws Exception {
        String before = "before-" + from + "-" + to;
        String after = "after-" + from + "-" + to;
        StreamExecutionEnvironment first = env(from, null);
        first.enableCheckpointing(60_000);
        job(first, before);
        JobClient client = first.executeAsync("before");
        while (RESULTS.get(before).size() < 300) {
            Thread.sleep(10);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        int seen = RESULTS.get(before).size();
        assertTrue(seen < COUNT, "stopped part way: " + seen);

        StreamExecutionEnvironment second = env(to, savepoint);
        job(second, after);
        second.execute("after");

        assertEquals(COUNT, seen + RESULTS.get(after).size(), "one running count per number, none twice");
        Map<Long, Long> last = new HashMap<>();
        for (Tuple2<Long, Long> t : RESULTS.get(before)) {
            last.merge(t.f0, t.f1, Math::max);
        }
        for (Tuple2<Long, Long> t : RESULTS.get(after)) {
            assertTrue(t.f1 > last.getOrDefault(t.f0, 0L), "key " + t.f0 + " counts on from the savepoint");
            last.merge(t.f0, t.f1, Math::max);
        }
        for (long k = 0; k < KEYS; k++) {
            long expected = COUNT / KEYS + (k < COUNT % KEYS ? 1 : 0);
            assertEquals(expected, last.get(k), "final count of key " + k);
        }
    }
}
