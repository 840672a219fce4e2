package io.sluice.table.api.bridge;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.Table;
import io.sluice.table.api.bridge.TableAggregateUdfs.Top2;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code groupBy(k).flatAggregate(Top2)} keeps its accumulators in checkpoints: a job that fails once after some
 * checkpoints restarts from the latest, and the changelog it delivers exactly once (its {@code -D} rows retracting
 * rows delivered before the failure) folds into the same final table as a run without failure.
 */
@Timeout(120)
class FlatAggregateRecoveryTest {
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();
    private static final int RECORDS = 400;

    @TempDir
    Path checkpoints;

    /** Passes records on slowly, so that checkpoints complete in between, and fails once at record {@code failAt}. */
    public static final class FailOnce<T> implements MapFunction<T, T> {
        private final String id;
        private final int failAt;

        FailOnce(String id, int failAt) {
            this.id = id;
            this.failAt = failAt;
        }

        @Override
        public T map(T value) throws Exception {
            int n = SEEN.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1);
            if (n == failAt && FAILED.putIfAbsent(id, true) == null) {
                throw new IllegalStateException("injected failure at record " + n);
            }
            return value;
        }
    }

    private StreamExecutionEnvironment env(int parallelism, boolean checkpointing) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (checkpointing) {
            env.enableCheckpointing(20);
        }
        return env;
    }

    private static DataStream<String> job(StreamExecutionEnvironment env, FailOnce<Tuple2<String, Integer>> inject) {
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        List<Tuple2<String, Integer>> data = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            data.add(Tuple2.of("k" + (i % 7), i));
        }
        DataStream<Tuple2<String, Integer>> input = env.fromData(data);
        if (inject != null) {
            input = input.map(inject).returns(input.getType());
        }
        tableEnv.createTemporaryView("Input", input);
        Table top2 = tableEnv.from("Input").groupBy($("f0"))
                .flatAggregate(call(Top2.class, $("f1")).as("v", "rank"))
                .select($("f0"), $("v"), $("rank"));
        return tableEnv.toChangelogStream(top2).map(r -> r.getKind().shortString() + " " + r.getField(0) + "/"
                + r.getField(2) + " " + r.getField(1));
    }

    /** Folds a changelog into its final table (key/rank to value), failing on a lost or repeated row. */
    private static Map<String, String> fold(DataStream<String> changes) throws Exception {
        Map<String, String> table = new TreeMap<>();
        try (CloseableIterator<String> it = changes.executeAndCollect()) {
            while (it.hasNext()) {
                String[] c = it.next().split(" ", 3);
                if (c[0].equals("+I")) {
                    assertEquals(null, table.put(c[1], c[2]), "a second row for " + c[1] + ": " + c[2]);
                } else {
                    assertEquals("-D", c[0]);
                    assertEquals(c[2], table.remove(c[1]), "retracting a row that is not there: " + c[1]);
                }
            }
        }
        return table;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void top2RestoresFromCheckpointWithExactResult(int parallelism) throws Exception {
        Map<String, String> clean = fold(job(env(parallelism, false), null));
        assertEquals(14, clean.size());
        assertEquals("399", clean.get("k0/1"));
        assertEquals("392", clean.get("k0/2"));
        String id = "top2-" + System.nanoTime();
        int failAt = RECORDS * 3 / 4;
        Map<String, String> recovered = fold(job(env(parallelism, true), new FailOnce<>(id, failAt)));
        assertEquals(Boolean.TRUE, FAILED.get(id), "the failure was injected");
        assertEquals(clean, recovered);
        int seen = SEEN.get(id).get();
        assertTrue(seen < failAt + RECORDS, "restored from a checkpoint, not from the start: " + seen
                + " records read for " + RECORDS);
    }
}
