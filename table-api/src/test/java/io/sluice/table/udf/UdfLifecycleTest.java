package io.sluice.table.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.ScalarFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user-defined function is opened exactly once per parallel operator instance before it evaluates a row and
 * closed exactly once when the job ends, wherever the plan evaluates it: a WHERE clause, a join condition that
 * needs both sides, the FILTER of a window aggregate, a watermark expression.
 */
public class UdfLifecycleTest {
    /** Every copy of a {@link Probe} that was opened, by tag. */
    static final Map<String, List<Probe>> OPENED = new ConcurrentHashMap<>();
    /** Tags of copies that evaluated a row while not open (opened != 1 or already closed). */
    static final List<String> MISUSED = Collections.synchronizedList(new ArrayList<>());

    /** Passes its argument through and records its own lifecycle. */
    public static class Probe extends ScalarFunction {
        private final String tag;
        int opens;
        int closes;
        long calls;
        String sessionParameter;
        String globalParameter;

        public Probe(String tag) {
            this.tag = tag;
        }

        @Override
        public void open(FunctionContext context) {
            opens++;
            sessionParameter = context.getJobParameter("table.local-time-zone", "unset");
            globalParameter = context.getJobParameter("probe.level", "unset");
            OPENED.computeIfAbsent(tag, t -> Collections.synchronizedList(new ArrayList<>())).add(this);
        }

        @Override
        public void close() {
            closes++;
        }

        public Integer eval(Integer x) {
            calls++;
            if (opens != 1 || closes != 0) {
                MISUSED.add(tag);
            }
            return x;
        }
    }

    /** Counts its non-NULL arguments and records its own lifecycle, like {@link Probe}. */
    public static class ProbeCount extends AggregateFunction<Long, long[]> {
        private final String tag;
        int opens;
        int closes;
        long calls;

        public ProbeCount(String tag) {
            this.tag = tag;
        }

        @Override
        public void open(FunctionContext context) {
            opens++;
            OPENED_AGGREGATES.computeIfAbsent(tag, t -> Collections.synchronizedList(new ArrayList<>())).add(this);
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        public void accumulate(long[] acc, Integer value) {
            calls++;
            if (opens != 1 || closes != 0) {
                MISUSED.add(tag);
            }
            if (value != null) {
                acc[0]++;
            }
        }

        @Override
        public Long getValue(long[] acc) {
            return acc[0];
        }
    }

    /** Returns its TIMESTAMP(3) argument, for a watermark expression. */
    public static class ProbeTime extends ScalarFunction {
        private final Probe probe;

        public ProbeTime(String tag) {
            this.probe = new Probe(tag);
        }

        @Override
        public void open(FunctionContext context) {
            probe.open(context);
        }

        @Override
        public void close() {
            probe.close();
        }

        public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(@DataTypeHint("TIMESTAMP(3)") LocalDateTime ts) {
            probe.eval(0);
            return ts;
        }
    }

    /** Every opened copy of a {@link ProbeCount}, by tag. */
    static final Map<String, List<ProbeCount>> OPENED_AGGREGATES = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    private TableEnvironment environment(boolean streaming, int parallelism) throws Exception {
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, "1,1,10,2024-01-01 00:10:00\n2,2,20,2024-01-01 00:20:00\n3,1,30,2024-01-01 01:10:00\n"
                + "4,3,40,2024-01-01 02:10:00\n5,2,50,2024-01-01 02:20:00\n", StandardCharsets.UTF_8);
        Path dims = dir.resolve("dims.csv");
        Files.writeString(dims, "1,100\n2,200\n3,300\n", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", String.valueOf(parallelism));
        env.getConfig().set("table.local-time-zone", "Europe/Paris");
        env.getConfig().addJobParameter("probe.level", "debug");
        env.executeSql("CREATE TABLE orders (id INT, k INT, v INT, ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '"
                + orders + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE dims (k INT, w INT) WITH ('connector' = 'filesystem', 'path' = '" + dims
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE sink (a BIGINT, b BIGINT) WITH ('connector' = 'blackhole')");
        return env;
    }

    private static void runInsert(TableEnvironment env, String tag, String sql) throws Exception {
        OPENED.remove(tag);
        env.createTemporarySystemFunction(tag, new Probe(tag));
        env.executeSql(sql).await();
    }

    /** Every opened copy was opened once and closed once, none was used while closed, and rows were evaluated. */
    private static void assertLifecycle(String tag, int expectedInstances) {
        List<Probe> copies = OPENED.getOrDefault(tag, List.of());
        assertEquals(expectedInstances, copies.size(), tag + ": opened copies");
        long calls = 0;
        for (Probe p : copies) {
            assertEquals(1, p.opens, tag + ": opens of one copy");
            assertEquals(1, p.closes, tag + ": closes of one copy");
            assertEquals("Europe/Paris", p.sessionParameter, tag + ": session option as job parameter");
            assertEquals("debug", p.globalParameter, tag + ": pipeline.global-job-parameters entry");
            calls += p.calls;
        }
        assertTrue(calls > 0, tag + " was never evaluated");
        assertTrue(!MISUSED.contains(tag), tag + " evaluated a row while not open");
    }

    @ParameterizedTest(name = "streaming={0}, parallelism={1}")
    @CsvSource({"false, 1", "false, 2", "true, 1", "true, 2"})
    void whereClause(boolean streaming, int parallelism) throws Exception {
        TableEnvironment env = environment(streaming, parallelism);
        runInsert(env, "probe_where", "INSERT INTO sink SELECT id, v FROM orders WHERE probe_where(v) > 15");
        assertLifecycle("probe_where", parallelism);
    }

    @ParameterizedTest(name = "streaming={0}, parallelism={1}")
    @CsvSource({"false, 1", "false, 2", "true, 1", "true, 2"})
    void joinCondition(boolean streaming, int parallelism) throws Exception {
        TableEnvironment env = environment(streaming, parallelism);
        runInsert(env, "probe_join", "INSERT INTO sink SELECT o.id, d.w FROM orders AS o JOIN dims AS d "
                + "ON o.k = d.k AND probe_join(o.v + d.w) > 120");
        assertLifecycle("probe_join", parallelism);
    }

    @ParameterizedTest(name = "parallelism={0}")
    @CsvSource({"1", "2"})
    void windowAggregateFilter(int parallelism) throws Exception {
        TableEnvironment env = environment(true, parallelism);
        runInsert(env, "probe_window", "INSERT INTO sink SELECT COUNT(*), COUNT(*) FILTER (WHERE probe_window(v) > 25)"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR))"
                + " GROUP BY window_start, window_end");
        assertLifecycle("probe_window", parallelism);
    }

    /** A user-defined aggregate of a window aggregation is opened once per instance, not once per window. */
    @ParameterizedTest(name = "parallelism={0}")
    @CsvSource({"1", "2"})
    void windowAggregateFunction(int parallelism) throws Exception {
        TableEnvironment env = environment(true, parallelism);
        OPENED_AGGREGATES.remove("probe_count");
        env.createTemporarySystemFunction("probe_count", new ProbeCount("probe_count"));
        env.executeSql("INSERT INTO sink SELECT COUNT(*), probe_count(v)"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR))"
                + " GROUP BY window_start, window_end").await();
        List<ProbeCount> copies = OPENED_AGGREGATES.getOrDefault("probe_count", List.of());
        assertEquals(parallelism, copies.size(), "opened copies (three windows)");
        long calls = 0;
        for (ProbeCount p : copies) {
            assertEquals(1, p.opens, "opens of one copy");
            assertEquals(1, p.closes, "closes of one copy");
            calls += p.calls;
        }
        assertEquals(5, calls, "rows accumulated");
        assertTrue(!MISUSED.contains("probe_count"), "accumulated a row while not open");
    }

    /** A function in a WATERMARK expression is opened and closed by the watermark assigner. */
    @ParameterizedTest(name = "parallelism={0}")
    @CsvSource({"1", "2"})
    void watermarkExpression(int parallelism) throws Exception {
        TableEnvironment env = environment(true, parallelism);
        OPENED.remove("probe_wm");
        env.createTemporarySystemFunction("probe_wm", new ProbeTime("probe_wm"));
        env.executeSql("CREATE TABLE timed (id INT, k INT, v INT, ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS probe_wm(ts) - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("orders.csv") + "', 'format' = 'csv')");
        env.executeSql("INSERT INTO sink SELECT COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE timed, DESCRIPTOR(ts),"
                + " INTERVAL '1' HOUR)) GROUP BY window_start, window_end").await();
        assertLifecycle("probe_wm", parallelism);
    }
}
