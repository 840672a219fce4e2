package io.sluice.benchmarks;

import io.sluice.benchmarks.NexmarkQueries.Query;
import io.sluice.benchmarks.nexmark.NexmarkTable;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs Nexmark queries ({@link NexmarkQueries}: q0, q1, q2, q5, q7, q8) in streaming mode through
 * {@link TableEnvironment} over the generated {@code 'nexmark'} tables into blackhole sinks, at
 * parallelism 1 and 2, and prints per query: events/s (rows of the tables the query reads divided
 * by the wall time of {@code executeSql(INSERT ...)} + {@code await()}, planning included; median of
 * the timed runs after the warm-ups), and the peaks of heap use (sampled, and live after GC) and of
 * direct memory over its timed runs. A query that fails is reported with its error; the others go on.
 *
 * <p>Arguments (all optional): {@code events} (default 10,000,000: the whole stream; bids are 46/50
 * of it), {@code timed runs} (3), {@code warm-up runs} (1). System properties:
 * {@code nexmark.queries} (e.g. {@code q5,q7}), {@code nexmark.parallelism} (e.g. {@code 1,2}, the default),
 * {@code nexmark.source} ({@code generator}, the default, or {@code csv}: the same tables written once as
 * CSV files, two per table, under {@code nexmark.csv-dir}, default {@code /tmp/sluice-nexmark-csv}, and read
 * through the {@code filesystem} connector as Flink's baseline does).
 */
public final class NexmarkBenchmark {
    private static final long SEED = 42;
    private static final long MB = 1 << 20;

    private NexmarkBenchmark() {
    }

    /** What one query measured at one parallelism. */
    record Result(Query query, int parallelism, long inputRows, Timings timings, long peakHeap, long peakLive,
            long peakDirect, String error) {
        double eventsPerSecond() {
            return inputRows / (timings.medianNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Query> queries = new ArrayList<>();
        for (String q : System.getProperty("nexmark.queries", "q0,q1,q2,q5,q7,q8").split(",")) {
            queries.add(NexmarkQueries.byName(q.trim()));
        }
        List<Integer> parallelisms = new ArrayList<>();
        for (String p : System.getProperty("nexmark.parallelism", "1,2").split(",")) {
            parallelisms.add(Integer.parseInt(p.trim()));
        }
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, flags %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "%,d events (%,d persons, %,d auctions, %,d bids), %d timed + %d warm-up runs%n",
                events, NexmarkQueries.tableRows(NexmarkTable.PERSON, events),
                NexmarkQueries.tableRows(NexmarkTable.AUCTION, events),
                NexmarkQueries.tableRows(NexmarkTable.BID, events), runs, warmups);
        java.nio.file.Path csvDir = null;
        if ("csv".equals(System.getProperty("nexmark.source", "generator"))) {
            csvDir = java.nio.file.Path.of(System.getProperty("nexmark.csv-dir", "/tmp/sluice-nexmark-csv"),
                    events + "-" + SEED);
            long start = System.nanoTime();
            NexmarkQueries.writeCsv(events, SEED, csvDir, 2);
            System.out.printf(Locale.ROOT, "source: CSV files under %s (written in %.1f s if new)%n", csvDir,
                    (System.nanoTime() - start) / 1e9);
        } else {
            System.out.println("source: the 'nexmark' generator connector");
        }
        timeGenerator(events);
        List<Result> results = new ArrayList<>();
        try (MemorySampler memory = new MemorySampler(5)) {
            for (int p : parallelisms) {
                TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
                env.getConfig().set("parallelism.default", Integer.toString(p));
                if (csvDir != null) {
                    NexmarkQueries.declareCsvTables(env, csvDir);
                } else {
                    NexmarkQueries.declareTables(env, events, SEED);
                }
                for (Query q : queries) {
                    Result r = run(env, q, p, events, runs, warmups, memory);
                    results.add(r);
                    print(r);
                }
            }
        }
        System.out.println();
        System.out.println("| query | what | input rows | p | events/s (median) | min..max | peak heap used | peak live heap | peak direct |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            if (r.error() != null) {
                System.out.printf(Locale.ROOT, "| %s | %s | %,d | %d | failed: %s | | | | |%n", r.query().name(),
                        r.query().what(), r.inputRows(), r.parallelism(), r.error());
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %d | %s | %s..%s | %,d MB | %s | %,d MB |%n",
                    r.query().name(), r.query().what(), r.inputRows(), r.parallelism(), rate(r.eventsPerSecond()),
                    rate(r.inputRows() / (r.timings().maxNanos() / 1e9)),
                    rate(r.inputRows() / (r.timings().minNanos() / 1e9)),
                    r.peakHeap() / MB, r.peakLive() == 0 ? "no GC" : (r.peakLive() / MB) + " MB", r.peakDirect() / MB);
        }
    }

    /** Times the generator alone on the bid table, all 7 columns, one thread (best of 3 after a warm-up). */
    private static void timeGenerator(long events) throws Exception {
        long best = Long.MAX_VALUE;
        long rows = 0;
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            for (int r = 0; r < 4; r++) {
                long start = System.nanoTime();
                rows = io.sluice.benchmarks.nexmark.GeneratorRun.generate(
                        io.sluice.benchmarks.nexmark.NexmarkConfig.of(NexmarkTable.BID, events, SEED), allocator);
                if (r > 0) {
                    best = Math.min(best, System.nanoTime() - start);
                }
            }
        }
        System.out.printf(Locale.ROOT, "generator alone, bid table, all 7 columns, one thread: %s rows/s%n",
                rate(rows / (best / 1e9)));
    }

    private static Result run(TableEnvironment env, Query q, int p, long events, int runs, int warmups,
            MemorySampler memory) {
        long rows = q.inputRows(events);
        Timings timings = new Timings(q.name(), q.what(), runs);
        try {
            for (int w = 0; w < warmups; w++) {
                env.executeSql(q.insert()).await();
            }
            System.gc();
            memory.reset();
            for (int r = 0; r < runs; r++) {
                timings.time(() -> env.executeSql(q.insert()).await());
                System.out.printf(Locale.ROOT, "  %s p=%d run %d: %s ev/s%n", q.name(), p, r,
                        rate(rows / (timings.lastNanos() / 1e9)));
            }
            return new Result(q, p, rows, timings, memory.peakHeap(), memory.peakHeapAfterGc(),
                    memory.peakDirect(), null);
        } catch (Exception | Error e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (root != e ? " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
            System.out.printf(Locale.ROOT, "  %s p=%d FAILED: %s%n", q.name(), p, message);
            e.printStackTrace(System.out);
            return new Result(q, p, rows, timings, 0, 0, 0, message.replace('\n', ' '));
        }
    }

    private static void print(Result r) {
        if (r.error() == null) {
            System.out.printf(Locale.ROOT, "%s p=%d: %s ev/s median (%,d input rows, %.2f s), peak heap %,d MB,"
                    + " live %,d MB, direct %,d MB%n", r.query().name(), r.parallelism(), rate(r.eventsPerSecond()),
                    r.inputRows(), r.timings().medianNanos() / 1e9, r.peakHeap() / MB, r.peakLive() / MB,
                    r.peakDirect() / MB);
        }
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fk", perSecond / 1e3);
    }
}
