package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job mixing both APIs (a DataStream map, a SQL aggregation, a DataStream map after it) fails once after some
 * checkpoints and restarts from the latest: the changelog it delivers (exactly once, through
 * {@code executeAndCollect}) folds into the same final table as a run without failure, and the source did not
 * start over.
 */
class CheckpointRecoveryTest {
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
        DataStream<Row> sums = tableEnv.toChangelogStream(tableEnv.sqlQuery(
                "SELECT f0 AS k, SUM(f1) AS total, COUNT(*) AS n FROM Input GROUP BY f0"));
        return sums.map(r -> r.getKind().shortString() + " " + r.getField(0) + " " + r.getField(1) + " "
                + r.getField(2));
    }

    /** Folds a changelog into its final table, failing on a change that does not fit (a lost or repeated row). */
    private static Map<String, String> fold(DataStream<String> changes) throws Exception {
        Map<String, String> table = new TreeMap<>();
        try (CloseableIterator<String> it = changes.executeAndCollect()) {
            while (it.hasNext()) {
                String[] c = it.next().split(" ", 3);
                String key = c[1];
                switch (c[0]) {
                    case "+I":
                    case "+U":
                        assertEquals(null, table.put(key, c[2]), "a second row for " + key + ": " + c[2]);
                        break;
                    default:
                        assertEquals(c[2], table.remove(key), "retracting a row that is not there: " + c[2]);
                }
            }
        }
        return table;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void mixedJobRestoresFromCheckpointWithExactResult(int parallelism) throws Exception {
        Map<String, String> clean = fold(job(env(parallelism, false), null));
        assertEquals(7, clean.size());
        assertEquals("11571 58", clean.get("k0"));
        String id = "mixed-" + System.nanoTime();
        int failAt = RECORDS * 3 / 4;
        Map<String, String> recovered = fold(job(env(parallelism, true), new FailOnce<>(id, failAt)));
        assertEquals(Boolean.TRUE, FAILED.get(id), "the failure was injected");
        assertEquals(clean, recovered);
        int seen = SEEN.get(id).get();
        assertTrue(seen < failAt + RECORDS, "restored from a checkpoint, not from the start: " + seen
                + " records read for " + RECORDS);
    }

    /** An upsert changelog: every key's first row inserts it, the later ones update it. */
    private static DataStream<String> upsertJob(StreamExecutionEnvironment env, FailOnce<Row> inject) {
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            data.add(Row.ofKind(i < 7 ? RowKind.INSERT : RowKind.UPDATE_AFTER, "k" + (i % 7), i));
        }
        DataStream<Row> input = env.fromData(data);
        if (inject != null) {
            input = input.map(inject).returns(input.getType());
        }
        tableEnv.createTemporaryView("Latest", tableEnv.fromChangelogStream(input,
                io.sluice.table.api.Schema.newBuilder().primaryKey("f0").build(),
                io.sluice.table.connector.ChangelogMode.upsert()));
        return tableEnv.toChangelogStream(tableEnv.sqlQuery("SELECT COUNT(*) AS n, SUM(f1) AS total FROM Latest"))
                .map(r -> r.getKind().shortString() + " all " + r.getField(0) + " " + r.getField(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void upsertNormalizationStateIsRestored(int parallelism) throws Exception {
        Map<String, String> clean = fold(upsertJob(env(parallelism, false), null));
        assertEquals(Map.of("all", "7 2772"), clean);
        String id = "upsert-" + System.nanoTime();
        int failAt = RECORDS * 3 / 4;
        Map<String, String> recovered = fold(upsertJob(env(parallelism, true), new FailOnce<>(id, failAt)));
        assertEquals(Boolean.TRUE, FAILED.get(id), "the failure was injected");
        assertEquals(clean, recovered);
        assertTrue(SEEN.get(id).get() < failAt + RECORDS, "restored from a checkpoint, not from the start");
    }
}
