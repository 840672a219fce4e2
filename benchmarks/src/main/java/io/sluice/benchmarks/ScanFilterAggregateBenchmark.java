package io.sluice.benchmarks;

import io.sluice.benchmarks.memory.MemoryReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Times scan, filter, project and hash aggregate over generated rows:
 * {@code SELECT key, COUNT(*), SUM(price * qty), MAX(price) FROM orders WHERE qty > 5 AND channel <> 'x'
 * GROUP BY key} through the engine ({@link EnginePath}) and as a hand-written loop over the same Arrow
 * vectors ({@link HandWrittenAggregation}), and prints the median rows/s of each and their ratio. For
 * the breakdown it also times the engine's replay alone (scan into a blackhole), scan + generated Calc
 * into a blackhole, the generated Calc kernel alone ({@link CalcKernelPath}), and the engine over an
 * empty table (the fixed cost of parsing, planning and starting a query).
 *
 * <p>Arguments (all optional): {@code rows} (default 10,000,000), {@code timed runs} (7),
 * {@code warm-up runs} (3). System property {@code bench.paths} (e.g. {@code -Dbench.paths=agg}, for
 * profiling) runs only the named paths: {@code hand, shared, agg, calc, scan, scan4, replay, kernel,
 * fixed}. Before timing it
 * checks that both paths give the same groups.
 */
public final class ScanFilterAggregateBenchmark {
    private static final int BATCH_SIZE = 4096;
    private static final int KEYS = 1000;
    private static final long SEED = 42;
    private static final int[] QUERY_COLUMNS =
            {OrdersDataset.KEY, OrdersDataset.PRICE, OrdersDataset.QTY, OrdersDataset.CHANNEL};

    private ScanFilterAggregateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "JVM %s, flags %s%n", System.getProperty("java.vm.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "arrow.enable_unsafe_memory_access=%s arrow.enable_null_check_for_get=%s%n",
                System.getProperty("arrow.enable_unsafe_memory_access", "false"),
                System.getProperty("arrow.enable_null_check_for_get", "true"));
        try (BufferAllocator allocator = new RootAllocator();
                OrdersDataset data = OrdersDataset.generate(allocator, rows, BATCH_SIZE, KEYS, SEED);
                EnginePath engine = new EnginePath(data);
                OrdersDataset none = OrdersDataset.generate(allocator, 0, BATCH_SIZE, KEYS, SEED);
                EnginePath emptyEngine = new EnginePath(none)) {
            System.out.printf(Locale.ROOT, "%,d rows in %,d batches of %d, %,d bytes in memory%n", data.rowCount(),
                    data.batches().size(), BATCH_SIZE, data.sizeInBytes());
            System.out.println(engine.env().explainSql(EnginePath.QUERY));
            check(engine, data);
            CalcKernelPath calc = new CalcKernelPath();

            List<Timings> all = new ArrayList<>();
            Timings hand = add(all, new Timings("hand", "hand-written loop (filter+project+hash agg)", runs));
            Timings shared = add(all, new Timings("shared", "engine, zero-copy source: scan+calc+hash agg", runs));
            Timings agg = add(all, new Timings("agg", "engine, copying source: scan+calc+hash agg", runs));
            Timings calcSql = add(all, new Timings("calc", "engine: scan+calc -> blackhole", runs));
            Timings scan = add(all, new Timings("scan", "engine: scan (copy) all 5 cols -> blackhole", runs));
            Timings scan4 = add(all, new Timings("scan4", "engine: scan 4 cols -> identity Calc -> blackhole", runs));
            Timings replay = add(all, new Timings("replay", "source copy of the 4 query columns alone", runs));
            Timings kernel = add(all, new Timings("kernel", "generated Calc kernel alone, in place", runs));
            Timings fixed = add(all, new Timings("fixed", "engine: same SQL over 0 rows (fixed cost per query)", runs));
            long[] sink = new long[1];
            for (int r = -warmups; r < runs; r++) {
                boolean timed = r >= 0;
                measure(timed, hand,  () -> sink[0] += HandWrittenAggregation.run(data.batches()).size());
                measure(timed, shared, engine::runAggregateShared);
                measure(timed, agg, engine::runAggregate);
                measure(timed, calcSql, engine::runCalc);
                measure(timed, scan, engine::runScan);
                measure(timed, scan4, engine::runScanIdentityCalc);
                measure(timed, replay, () -> sink[0] += MemoryReplay.replay(OrdersDataset.TYPE, data.batches(),
                        QUERY_COLUMNS, allocator));
                measure(timed, kernel, () -> sink[0] += calc.run(data.batches(), allocator));
                measure(timed, fixed, emptyEngine::runAggregate);
            }
            report(all, rows, hand, shared, agg);
            if (sink[0] == 0) {
                System.out.println("(empty result)");
            }
        }
    }

    /** True unless system property {@code bench.paths} (comma-separated ids) leaves {@code t} out. */
    private static boolean selected(Timings t) {
        String paths = System.getProperty("bench.paths", "");
        return paths.isBlank() || List.of(paths.split(",")).contains(t.id());
    }

    private static Timings add(List<Timings> all, Timings t) {
        all.add(t);
        return t;
    }

    private static void measure(boolean timed, Timings t, Timings.Action action) throws Exception {
        if (!selected(t)) {
            return;
        }
        if (timed) {
            t.time(action);
        } else {
            action.run();
        }
    }

    /** Fails unless the engine and the hand-written loop return the same groups. */
    static void check(EnginePath engine, OrdersDataset data) throws Exception {
        List<GroupResult> expected = HandWrittenAggregation.run(data.batches());
        for (boolean shared : new boolean[] {false, true}) {
            List<GroupResult> actual = engine.collectAggregate(shared);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("engine and hand-written results differ: " + expected.size()
                        + " vs " + actual.size() + " groups; first hand-written "
                        + (expected.isEmpty() ? "-" : expected.get(0)) + ", first engine "
                        + (actual.isEmpty() ? "-" : actual.get(0)));
            }
        }
        System.out.printf(Locale.ROOT, "check: engine (copying and zero-copy source) and hand-written loop give the same"
                + " %d groups%n", expected.size());
    }

    private static void report(List<Timings> all, long rows, Timings hand, Timings shared, Timings agg) {
        System.out.printf(Locale.ROOT, "%n%-52s %10s %10s %10s %12s%n", "path", "median ms", "min ms", "max ms",
                "M rows/s");
        for (Timings t : all) {
            if (!selected(t)) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-52s %10.1f %10.1f %10.1f %12.2f%n", t.name(), t.medianNanos() / 1e6,
                    t.minNanos() / 1e6, t.maxNanos() / 1e6, rows / (t.medianNanos() / 1e9) / 1e6);
        }
        if (!selected(hand)) {
            return;
        }
        System.out.println();
        for (Timings t : List.of(shared, agg)) {
            if (selected(t)) {
                System.out.printf(Locale.ROOT, "ratio %-44s / hand-written (medians): %.2fx (target <= 1.5x)%n",
                        t.name(), (double) t.medianNanos() / hand.medianNanos());
            }
        }
    }
}
