package io.sluice.benchmarks;

import io.sluice.benchmarks.memory.MemoryDatasets;
import io.sluice.benchmarks.memory.MemoryTableSourceFactory;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;

/**
 * Times {@code SELECT key, SUM(price) FROM prices GROUP BY key} with {@code price DECIMAL(10, 2)} through the
 * engine, with the {@code long} DECIMAL sum accumulators ("compact") and with the general ones they replace
 * ("wide": 128-bit in batch mode, {@code BigDecimal} in streaming mode), alternately in one JVM. The
 * accumulators are chosen by the benchmark-only system property {@value #WIDE_PROPERTY}, read when an
 * aggregate operator opens. Before timing it checks that both give the same groups.
 *
 * <p>Arguments (all optional): {@code rows} (default 10,000,000), {@code timed runs} (7), {@code warm-up runs}
 * (3). Rows: {@code key INT} uniform over 1000 keys, {@code price DECIMAL(10, 2)} uniform over
 * {@code [-99,999,999.99, 99,999,999.99]}, NULL on every 97th row; batches of 4096 rows held in memory and
 * replayed by zero-copy views ({@code 'replay' = 'share'}).
 */
public final class DecimalSumBenchmark {
    static final String WIDE_PROPERTY = "sluice.benchmark.wide-decimal-sums";
    static final RowType TYPE = RowType.of(new String[] {"key", "price"},
            new LogicalType[] {LogicalType.integer(), LogicalType.decimal(10, 2)});
    static final String QUERY = "SELECT key, SUM(price) AS total FROM prices GROUP BY key";
    private static final int BATCH_SIZE = 4096;
    private static final int KEYS = 1000;

    private DecimalSumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "JVM %s, flags %s%n", System.getProperty("java.vm.version"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (BufferAllocator allocator = new RootAllocator()) {
            List<RowBatch> batches = generate(allocator, rows, BATCH_SIZE, 42);
            String dataset = "decimal-sum-" + System.nanoTime();
            MemoryDatasets.register(dataset, TYPE, batches);
            try {
                TableEnvironment batch = environment(EnvironmentSettings.inBatchMode(), dataset);
                TableEnvironment streaming = environment(EnvironmentSettings.inStreamingMode(), dataset);
                check(batch, "batch");
                check(streaming, "streaming");
                Timings batchCompact = new Timings("batch-compact", "batch, long accumulator", runs);
                Timings batchWide = new Timings("batch-wide", "batch, 128-bit accumulator (before)", runs);
                Timings streamCompact = new Timings("stream-compact", "streaming, long accumulator", runs);
                Timings streamWide = new Timings("stream-wide", "streaming, BigDecimal accumulator (before)", runs);
                for (int r = -warmups; r < runs; r++) {
                    boolean timed = r >= 0;
                    measure(timed, batchCompact, batch, false);
                    measure(timed, batchWide, batch, true);
                    measure(timed, streamCompact, streaming, false);
                    measure(timed, streamWide, streaming, true);
                }
                System.out.printf(Locale.ROOT, "%n%,d rows, %d keys%n%-44s %10s %10s %10s %10s%n", rows, KEYS, "path",
                        "median ms", "min ms", "max ms", "M rows/s");
                for (Timings t : List.of(batchCompact, batchWide, streamCompact, streamWide)) {
                    System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f %10.1f %10.2f%n", t.name(),
                            t.medianNanos() / 1e6, t.minNanos() / 1e6, t.maxNanos() / 1e6,
                            rows / (t.medianNanos() / 1e9) / 1e6);
                }
                System.out.printf(Locale.ROOT, "speed-up batch %.2fx, streaming %.2fx (medians)%n",
                        (double) batchWide.medianNanos() / batchCompact.medianNanos(),
                        (double) streamWide.medianNanos() / streamCompact.medianNanos());
            } finally {
                MemoryDatasets.unregister(dataset);
                batches.forEach(RowBatch::close);
            }
        } finally {
            System.clearProperty(WIDE_PROPERTY);
        }
    }

    /** The benchmark rows, in batches of {@code batchSize}; the caller closes them. */
    static List<RowBatch> generate(BufferAllocator allocator, long rows, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RowBatch> batches = new ArrayList<>();
        for (long start = 0; start < rows; start += batchSize) {
            int n = (int) Math.min(batchSize, rows - start);
            RowBatch b = RowBatch.allocate(TYPE, allocator, n);
            batches.add(b);
            IntVector key = (IntVector) b.vector(0);
            DecimalVector price = (DecimalVector) b.vector(1);
            for (int i = 0; i < n; i++) {
                key.set(i, random.nextInt(KEYS));
                if ((start + i) % 97 == 96) {
                    price.setNull(i);
                } else {
                    price.set(i, random.nextLong(-9_999_999_999L, 10_000_000_000L));
                }
            }
            b.setRowCount(n);
        }
        return batches;
    }

    /** A table environment with table {@code prices} over {@code dataset} and a blackhole sink. */
    static TableEnvironment environment(EnvironmentSettings settings, String dataset) {
        TableEnvironment env = TableEnvironment.create(settings);
        env.executeSql("CREATE TABLE prices (key INT, price DECIMAL(10, 2)) WITH ('connector' = '"
                + MemoryTableSourceFactory.IDENTIFIER + "', 'dataset' = '" + dataset + "', 'replay' = 'share')");
        env.executeSql("CREATE TABLE sums (key INT, total DECIMAL(38, 2)) WITH ('connector' = 'blackhole')");
        return env;
    }

    private static void measure(boolean timed, Timings t, TableEnvironment env, boolean wide) throws Exception {
        System.setProperty(WIDE_PROPERTY, String.valueOf(wide));
        Timings.Action action = () -> env.executeSql("INSERT INTO sums " + QUERY).await();
        if (timed) {
            t.time(action);
        } else {
            action.run();
        }
    }

    /** Fails unless both accumulators give the same final sums. */
    static void check(TableEnvironment env, String mode) throws Exception {
        System.setProperty(WIDE_PROPERTY, "false");
        TreeMap<Integer, BigDecimal> compact = collect(env);
        System.setProperty(WIDE_PROPERTY, "true");
        TreeMap<Integer, BigDecimal> wide = collect(env);
        if (!compact.equals(wide) || compact.size() != KEYS) {
            throw new IllegalStateException(mode + ": the accumulators differ: " + compact.size() + " vs "
                    + wide.size() + " groups");
        }
        System.out.printf(Locale.ROOT, "check (%s): both accumulators give the same %d sums%n", mode, compact.size());
    }

    /** The final sum per key (a changelog is folded: the last +I/+U of a key wins, -D removes it). */
    static TreeMap<Integer, BigDecimal> collect(TableEnvironment env) throws Exception {
        TreeMap<Integer, BigDecimal> sums = new TreeMap<>();
        try (CloseableIterator<Row> it = env.executeSql(QUERY).collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                switch (r.getKind()) {
                    case INSERT:
                    case UPDATE_AFTER:
                        sums.put((Integer) r.getField(0), (BigDecimal) r.getField(1));
                        break;
                    case DELETE:
                        sums.remove((Integer) r.getField(0));
                        break;
                    default:
                        break;
                }
            }
        }
        return sums;
    }
}
