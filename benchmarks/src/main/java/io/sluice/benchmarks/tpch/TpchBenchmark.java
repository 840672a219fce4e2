package io.sluice.benchmarks.tpch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * TPC-H side by side: Sluice (batch mode, {@code filesystem} tables over {@code |}-delimited files) and
 * DuckDB (JDBC, in the same JVM) on the same generated files, the 22 queries, each engine with the same
 * number of threads (Sluice's {@code parallelism.default}, DuckDB's {@code threads}).
 *
 * <p>DuckDB runs every query twice over: on its own in-memory tables (loaded from the files first, the
 * load timed apart: {@code duckdb-mem}) and straight over the files ({@code duckdb-csv}, which like Sluice
 * parses the files in each query). Sluice's rows are checked against {@code duckdb-mem}'s
 * ({@link ResultCheck}); a query whose rows differ is marked as failed.
 *
 * <p>Arguments: data directory, scale factor (1), timed runs (3), warm-up runs (1). The tables are
 * generated into the directory ({@link TpchGenerator}) unless it already holds them at that scale factor.
 * System properties: {@code tpch.queries} (e.g. {@code q1,q6}; all by default), {@code tpch.threads}
 * ({@code 1} or e.g. {@code 1,2}), {@code tpch.engines} ({@code duckdb,sluice}; {@code sluice} alone for a
 * profile), {@code tpch.timeout} (seconds per query run, 600), {@code tpch.duckdb-memory} (DuckDB's memory
 * limit, {@code 6GB}), {@code tpch.lock} (a file to hold a {@code flock} on while DuckDB loads its tables and
 * while each query is measured on every engine, so that programs sharing the machine which take the same lock
 * wait; see {@link MeasurementLock}), {@code tpch.lock-hold} (seconds: keep the lock for the next queries until it
 * has been held that long; 0, the default, gives it back after every query).
 *
 * <p>Each measurement gives a line {@code RESULT engine=E query=Q threads=T rows=N seconds=S [check=...]}
 * or {@code ... error=<first line>}; at the end a Markdown table per thread count.
 */
public final class TpchBenchmark {
    private TpchBenchmark() {
    }

    /** One engine's median time (or error) on one query. */
    record Measure(double seconds, int rows, String error, String check) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "tpch-data");
        double sf = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String> queries = list(System.getProperty("tpch.queries", ""));
        if (queries.isEmpty()) {
            queries = TpchQueries.names();
        }
        List<String> threadCounts = list(System.getProperty("tpch.threads", "1"));
        List<String> engines = list(System.getProperty("tpch.engines", "duckdb,sluice"));
        long timeout = Long.parseLong(System.getProperty("tpch.timeout", "600"));
        String duckMemory = System.getProperty("tpch.duckdb-memory", "6GB");
        String lockFile = System.getProperty("tpch.lock", "");
        MeasurementLock lock = new MeasurementLock(lockFile.isBlank() ? null : Path.of(lockFile),
            Double.parseDouble(System.getProperty("tpch.lock-hold", "0")));

        ensureData(dir, sf);
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, flags %s%n", System.getProperty("java.vm.version"),
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> tables = new ArrayList<>();
        for (String t : threadCounts) {
            int threads = Integer.parseInt(t);
            Map<String, Map<String, Measure>> byQuery = new LinkedHashMap<>();
            double load = Double.NaN;
            String duckVersion = "";
            DuckDbEngine duck = engines.contains("duckdb") ? new DuckDbEngine(dir, sf, threads, duckMemory) : null;
            SluiceEngine sluice = engines.contains("sluice") ? new SluiceEngine(dir, sf, threads) : null;
            ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "tpch-query");
                thread.setDaemon(true);
                return thread;
            });
            try {
                if (duck != null) {
                    duckVersion = duck.version();
                    lock.before("duckdb-load, " + threads + " thread(s)");
                    try {
                        load = duck.load();
                    } finally {
                        lock.after();
                    }
                    System.out.printf(Locale.ROOT, "RESULT engine=duckdb-load threads=%d seconds=%.3f%n", threads, load);
                }
                for (String q : queries) {
                    Map<String, Measure> row = new LinkedHashMap<>();
                    byQuery.put(q, row);
                    lock.before(q + ", " + threads + " thread(s)");
                    try {
                        List<List<Object>> expected = null;
                        if (duck != null) {
                            duck.useMemoryTables(true);
                            Outcome mem = measure(duck, q, runs, warmups, runner, timeout, null);
                            expected = mem.rows;
                            row.put("duckdb-mem", report(duck.name(), q, threads, mem.measure));
                            duck.useMemoryTables(false);
                            row.put("duckdb-csv", report(duck.name(), q, threads,
                                measure(duck, q, runs, warmups, runner, timeout, null).measure));
                        }
                        if (sluice != null) {
                            row.put("sluice", report("sluice", q, threads,
                                measure(sluice, q, runs, warmups, runner, timeout, expected).measure));
                        }
                    } finally {
                        lock.after();
                    }
                }
            } finally {
                lock.release();
                runner.shutdownNow();
                if (sluice != null) {
                    sluice.close();
                }
                if (duck != null) {
                    duck.close();
                }
            }
            tables.add(table(sf, threads, runs, warmups, load, duckVersion, byQuery));
        }
        System.out.println();
        for (String table : tables) {
            System.out.println(table);
        }
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** Generates the tables into {@code dir} unless its {@code tpch.properties} says they are there at {@code sf}. */
    static void ensureData(Path dir, double sf) throws Exception {
        Path marker = dir.resolve("tpch.properties");
        if (Files.exists(marker)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(marker)) {
                p.load(in);
            }
            if (Double.parseDouble(p.getProperty("sf", "-1")) == sf) {
                System.out.println("TPC-H data at sf " + sf + " in " + dir + ": " + p);
                return;
            }
            throw new IllegalStateException(dir + " holds TPC-H data at sf " + p.getProperty("sf")
                + ", not " + sf + ": use another directory or delete it");
        }
        long start = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        Map<TpchTable, Long> rows = new TpchGenerator(sf, 4).write(dir, threads);
        Properties p = new Properties();
        p.setProperty("sf", Double.toString(sf));
        rows.forEach((t, n) -> p.setProperty(t.tableName(), Long.toString(n)));
        try (var out = Files.newOutputStream(marker)) {
            p.store(out, "TPC-H tables written by " + TpchGenerator.class.getName());
        }
        System.out.printf(Locale.ROOT, "generated TPC-H sf %s in %s in %.1f s (%d threads): %s%n", sf, dir,
            (System.nanoTime() - start) / 1e9, threads, rows);
    }

    private record Outcome(Measure measure, List<List<Object>> rows) {
    }

    private static Outcome measure(TpchEngine engine, String q, int runs, int warmups, ExecutorService runner,
        long timeout, List<List<Object>> expected) {
        double[] times = new double[runs];
        List<List<Object>> rows = null;
        for (int i = -warmups; i < runs; i++) {
            long start = System.nanoTime();
            Future<List<List<Object>>> f = runner.submit(() -> engine.run(q));
            try {
                rows = f.get(timeout, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                if (engine instanceof SluiceEngine s) {
                    s.cancel();
                }
                return new Outcome(new Measure(Double.NaN, 0, "timeout after " + timeout + " s", null), null);
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                if (i == -warmups) {
                    cause.printStackTrace(System.out);
                }
                return new Outcome(new Measure(Double.NaN, 0, firstLine(cause), null), null);
            } catch (Error e) {
                return new Outcome(new Measure(Double.NaN, 0, firstLine(e), null), null);
            }
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        String check = null;
        if (expected != null) {
            String diff = ResultCheck.compare(expected, rows);
            check = diff == null ? "ok" : "differs: " + diff;
        }
        return new Outcome(new Measure(median, rows.size(), null, check), rows);
    }

    private static String firstLine(Throwable t) {
        String message = t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Measure report(String engine, String q, int threads, Measure m) {
        if (m.error() != null) {
            System.out.printf(Locale.ROOT, "RESULT engine=%s query=%s threads=%d error=%s%n", engine, q, threads,
                m.error());
        } else {
            System.out.printf(Locale.ROOT, "RESULT engine=%s query=%s threads=%d rows=%d seconds=%.3f%s%n", engine, q,
                threads, m.rows(), m.seconds(), m.check() == null ? "" : " check=" + m.check());
        }
        return m;
    }

    private static String table(double sf, int threads, int runs, int warmups, double load, String duckVersion,
        Map<String, Map<String, Measure>> byQuery) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "TPC-H sf %s, %d thread(s), median of %d runs after %d warm-up(s);"
            + " DuckDB %s load of the files into its tables: %.2f s%n%n", sf, threads, runs, warmups, duckVersion,
            load));
        out.append("| query | DuckDB in memory (s) | DuckDB over CSV (s) | Sluice over CSV (s) | Sluice / DuckDB"
            + " in memory | Sluice / DuckDB over CSV | result |\n|---|---:|---:|---:|---:|---:|---|\n");
        double mem = 0;
        double csv = 0;
        double sl = 0;
        int complete = 0;
        for (Map.Entry<String, Map<String, Measure>> e : byQuery.entrySet()) {
            Measure m = e.getValue().get("duckdb-mem");
            Measure c = e.getValue().get("duckdb-csv");
            Measure s = e.getValue().get("sluice");
            out.append("| ").append(e.getKey()).append(" | ").append(cell(m)).append(" | ").append(cell(c))
                .append(" | ").append(cell(s)).append(" | ").append(ratio(s, m)).append(" | ").append(ratio(s, c))
                .append(" | ").append(s == null ? "" : s.error() != null ? "fails: " + escape(s.error())
                    : s.check() == null ? "not checked" : s.check().equals("ok") ? "same as DuckDB"
                    : "**differs**: " + escape(s.check())).append(" |\n");
            if (ok(m) && ok(c) && ok(s) && "ok".equals(s.check())) {
                mem += m.seconds();
                csv += c.seconds();
                sl += s.seconds();
                complete++;
            }
        }
        out.append(String.format(Locale.ROOT, "| **total** (%d queries that ran and matched) | %.2f | %.2f | %.2f |"
            + " **%.2f×** | **%.2f×** | |%n", complete, mem, csv, sl, mem > 0 ? sl / mem : Double.NaN,
            csv > 0 ? sl / csv : Double.NaN));
        return out.toString();
    }

    private static boolean ok(Measure m) {
        return m != null && m.error() == null;
    }

    private static String cell(Measure m) {
        return m == null ? "-" : m.error() != null ? "fails" : String.format(Locale.ROOT, "%.3f", m.seconds());
    }

    private static String ratio(Measure s, Measure base) {
        return ok(s) && ok(base) ? String.format(Locale.ROOT, "%.2f×", s.seconds() / base.seconds()) : "";
    }

    private static String escape(String s) {
        String t = s.replace("|", "\\|");
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
