package io.sluice.benchmarks;

import io.sluice.benchmarks.NexmarkQueries.Query;
import io.sluice.benchmarks.nexmark.NexmarkTable;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.JobClientImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the Nexmark queries ({@link NexmarkQueries}: q0 to q22) in streaming mode through
 * {@link TableEnvironment} over the generated {@code 'nexmark'} tables into blackhole sinks, at
 * parallelism 1 and 2, and prints per query: events/s (rows of the tables the query reads divided
 * by the wall time of {@code executeSql(INSERT ...)} + {@code await()}, planning included; median of
 * the timed runs after the warm-ups), and the peaks of heap use (sampled, and live after GC) and of
 * direct memory over its timed runs. A query that fails is reported with its error; the others go on.
 *
 * <p>Arguments (all optional): {@code events} (default 10,000,000: the whole stream; bids are 46/50
 * of it), {@code timed runs} (3), {@code warm-up runs} (1). System properties:
 * {@code nexmark.queries} (e.g. {@code q5,q7}; default all), {@code nexmark.parallelism} (e.g. {@code 1,2},
 * the default), {@code nexmark.source} ({@code generator}, the default, or {@code csv}: the same tables
 * written once as CSV files under {@code nexmark.csv-dir}, default {@code /tmp/sluice-nexmark-csv}, one file
 * per table and parallel reader ({@link #csvDir}), and read through the {@code filesystem} connector as
 * Flink's baseline does), {@code nexmark.state-backend} ({@code hashmap}, the default, or {@code rocksdb}),
 * {@code nexmark.checkpoint-interval} (e.g. {@code 10s}; unset: no checkpoints): sets
 * {@code execution.checkpointing.interval} with {@code execution.checkpointing.dir} in a temporary directory
 * (emptied after each run), and each run reports how many checkpoints it completed.
 *
 * <p>Besides the human-readable lines and table, every query and parallelism gives one line
 * {@code RESULT engine=sluice query=q5 p=1 backend=hashmap rows=N seconds=S events_per_s=E} (median run; with
 * checkpoints also {@code checkpoints=a,b,c}, the checkpoints each timed run completed), or
 * {@code RESULT engine=sluice query=q5 p=1 backend=hashmap rows=N error=<first line of the error>}, which
 * {@code benchmarks/nexmark-vs-flink.sh} reads.
 */
public final class NexmarkBenchmark {
    private static final long SEED = 42;
    private static final long MB = 1 << 20;
    private static final String BACKEND = System.getProperty("nexmark.state-backend", "hashmap");
    private static final String INTERVAL = System.getProperty("nexmark.checkpoint-interval", "");

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
        if (args.length > 0 && args[0].equals("--write-csv")) {
            writeCsvAndScripts(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Query> queries = new ArrayList<>();
        String names = System.getProperty("nexmark.queries", "");
        if (names.isBlank()) {
            queries.addAll(NexmarkQueries.ALL);
        } else {
            for (String q : names.split(",")) {
                queries.add(NexmarkQueries.byName(q.trim()));
            }
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
        String stateBackend = BACKEND;
        System.out.println("state.backend.type: " + stateBackend);
        System.out.println("execution.checkpointing.interval: " + (INTERVAL.isBlank() ? "(none)" : INTERVAL));
        System.out.println("options: " + System.getProperty("nexmark.options", ""));
        boolean csv = "csv".equals(System.getProperty("nexmark.source", "generator"));
        Path csvBase = Path.of(System.getProperty("nexmark.csv-dir", "/tmp/sluice-nexmark-csv"));
        if (csv) {
            for (int p : parallelisms) {
                long start = System.nanoTime();
                Path dir = csvDir(csvBase, events, p);
                NexmarkQueries.writeCsv(events, SEED, dir, p);
                System.out.printf(Locale.ROOT, "source: CSV files under %s (written in %.1f s if new)%n", dir,
                        (System.nanoTime() - start) / 1e9);
            }
        } else {
            System.out.println("source: the 'nexmark' generator connector");
            timeGenerator(events);
        }
        Path workDir = Files.createTempDirectory("sluice-nexmark-");
        Path checkpointDir = workDir.resolve("checkpoints");
        List<Result> results = new ArrayList<>();
        try (MemorySampler memory = new MemorySampler(5)) {
            for (int p : parallelisms) {
                TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
                env.getConfig().set("parallelism.default", Integer.toString(p));
                env.getConfig().set("state.backend.type", stateBackend);
                if (!INTERVAL.isBlank()) {
                    env.getConfig().set("execution.checkpointing.interval", INTERVAL);
                    env.getConfig().set("execution.checkpointing.dir", checkpointDir.toString());
                }
                for (String option : System.getProperty("nexmark.options", "").split(";")) {
                    if (!option.isBlank()) { // key=value pairs: SET options for every query
                        int eq = option.indexOf('=');
                        env.getConfig().set(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
                    }
                }
                Path outputDir;
                if (csv) {
                    NexmarkQueries.declareCsvTables(env, csvDir(csvBase, events, p));
                    outputDir = NexmarkQueries.outputDir(csvDir(csvBase, events, p));
                } else {
                    NexmarkQueries.declareTables(env, events, SEED, workDir);
                    outputDir = workDir;
                }
                for (Query q : queries) {
                    Result r = run(env, q, p, events, runs, warmups, memory, outputDir, checkpointDir);
                    results.add(r);
                    print(r);
                }
            }
        } finally {
            deleteTree(workDir);
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

    /**
     * The directory of the CSV files of a stream of {@code events} events read at parallelism {@code p}:
     * {@code p} files per table, one per parallel reader, each in event-time order (see
     * {@link NexmarkQueries#writeCsv}).
     */
    public static Path csvDir(Path base, long events, int p) {
        return base.resolve(events + "-" + SEED + "-" + p + "files");
    }

    /**
     * Writes the CSV files for each parallelism and, beside each directory, the statements a peer engine
     * runs on them ({@link NexmarkQueries#writeScript}, file {@code <dir>.sql}). Arguments: events, base
     * directory, parallelisms (e.g. {@code 1,2}).
     */
    public static void writeCsvAndScripts(String[] args) throws Exception {
        long events = Long.parseLong(args[0].replace("_", ""));
        Path base = Path.of(args[1]);
        for (String ps : args[2].split(",")) {
            int p = Integer.parseInt(ps.trim());
            Path dir = csvDir(base, events, p);
            NexmarkQueries.writeCsv(events, SEED, dir, p);
            NexmarkQueries.writeScript(dir, Path.of(dir + ".sql"));
            System.out.println(dir + ".sql");
        }
    }

    private static Result run(TableEnvironment env, Query q, int p, long events, int runs, int warmups,
            MemorySampler memory, Path outputDir, Path checkpointDir) {
        long rows = q.inputRows(events);
        Timings timings = new Timings(q.name(), q.what(), runs);
        try {
            NexmarkQueries.declareSink(env, q, outputDir);
            for (int w = 0; w < warmups; w++) {
                env.executeSql(q.insert()).await();
                clean(q, outputDir);
                deleteTree(checkpointDir);
            }
            System.gc();
            memory.reset();
            StringBuilder checkpoints = new StringBuilder();
            for (int r = 0; r < runs; r++) {
                TableResult[] result = new TableResult[1];
                timings.time(() -> {
                    result[0] = env.executeSql(q.insert());
                    result[0].await();
                });
                clean(q, outputDir);
                String counted = "";
                if (!INTERVAL.isBlank()) {
                    long completed = completedCheckpoints(result[0]);
                    checkpoints.append(checkpoints.length() == 0 ? "" : ",").append(completed);
                    counted = ", " + completed + " checkpoints completed";
                    deleteTree(checkpointDir);
                }
                System.out.printf(Locale.ROOT, "  %s p=%d run %d: %s ev/s%s%n", q.name(), p, r,
                        rate(rows / (timings.lastNanos() / 1e9)), counted);
            }
            Result result = new Result(q, p, rows, timings, memory.peakHeap(), memory.peakHeapAfterGc(),
                    memory.peakDirect(), null);
            System.out.printf(Locale.ROOT, "RESULT engine=sluice query=%s p=%d backend=%s rows=%d seconds=%.4f"
                    + " events_per_s=%.0f%s%n", q.name(), p, BACKEND, rows, timings.medianNanos() / 1e9,
                    result.eventsPerSecond(), INTERVAL.isBlank() ? "" : " checkpoints=" + checkpoints);
            return result;
        } catch (Exception | Error e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (root != e ? " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
            System.out.printf(Locale.ROOT, "  %s p=%d FAILED: %s%n", q.name(), p, message);
            e.printStackTrace(System.out);
            System.out.printf(Locale.ROOT, "RESULT engine=sluice query=%s p=%d backend=%s rows=%d error=%s%n", q.name(),
                    p, BACKEND, rows, firstLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
            return new Result(q, p, rows, timings, 0, 0, 0, message.replace('\n', ' '));
        }
    }

    /** The checkpoints the job behind {@code result} completed (its checkpoint statistics). */
    private static long completedCheckpoints(TableResult result) {
        JobClient job = result.getJobClient().orElseThrow(() -> new IllegalStateException("the INSERT has no job"));
        return ((JobClientImpl) job).execution().metrics().checkpoints().numberOfCompletedCheckpoints();
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    /** Deletes what a query that writes files wrote, so that runs do not fill the disk. */
    private static void clean(Query q, Path outputDir) throws IOException {
        if (q.writesFiles()) {
            deleteTree(outputDir.resolve(q.name()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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
