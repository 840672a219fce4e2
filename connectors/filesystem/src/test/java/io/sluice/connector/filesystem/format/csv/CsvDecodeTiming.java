package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.FileSystemSourceReader;
import io.sluice.connector.filesystem.FileSystemTableSource;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Not a test: writes a Nexmark-like {@code bid} CSV file (auction BIGINT, bidder BIGINT, price BIGINT,
 * channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING; about 190 bytes a row) and reports how
 * many rows per second of thread CPU time (and of wall-clock time) the csv source alone decodes into Arrow batches on one thread, for all columns and
 * for a 3-column projection. Run with {@code -Darrow.enable_unsafe_memory_access=true
 * -Darrow.enable_null_check_for_get=false}; arguments: {@code [rows] [passes]};
 * {@code -Dprojections=0,2,5;3,4} times other column lists.
 */
public final class CsvDecodeTiming {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    static final RowType BID = new RowType(
            List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra"),
            List.of(LogicalType.bigint(), LogicalType.bigint(), LogicalType.bigint(), LogicalType.string(),
                    LogicalType.string(), LogicalType.timestamp(3), LogicalType.string()));

    private CsvDecodeTiming() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("sluice-csv-timing");
        Path file = dir.resolve("bid.csv");
        long bytes = writeBids(file, rows);
        System.out.printf("file: %d rows, %.1f MB, %.1f bytes/row%n", rows, bytes / 1e6, (double) bytes / rows);
        try {
            String custom = System.getProperty("projections");
            if (custom != null) {
                for (String spec : custom.split(";")) {
                    int[] projection = spec.isBlank() ? new int[0]
                            : Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).toArray();
                    run("columns " + Arrays.toString(projection), file, projection, rows, bytes, passes);
                }
            } else {
                run("all 7 columns", file, new int[] {0, 1, 2, 3, 4, 5, 6}, rows, bytes, passes);
                run("3 columns (auction, price, dateTime)", file, new int[] {0, 2, 5}, rows, bytes, passes);
                run("no column (record scan only)", file, new int[0], rows, bytes, passes);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Writes {@code rows} bid rows; returns the file size. */
    static long writeBids(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] channels = {"Google", "Facebook", "Baidu", "Apple", "channel-1234"};
        long baseMillis = 1_700_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(256);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                long auction = 1000 + random.nextInt(100_000);
                long bidder = 1000 + random.nextInt(1_000_000);
                long price = 100 + random.nextInt(10_000_000);
                String channel = channels[random.nextInt(channels.length)];
                sb.append(auction).append(',').append(bidder).append(',').append(price).append(',')
                        .append(channel).append(',')
                        .append("https://www.nexmark.com/").append(word(random, 5)).append('/').append(word(random, 5))
                        .append("/item.htm?query=1&channel_id=").append(random.nextInt(1 << 30)).append(',')
                        .append(io.sluice.runtime.data.ValueFormatter.formatTimestamp(
                                io.sluice.runtime.data.VectorValues.toLocalDateTime(baseMillis + i * 7L), 3))
                        .append(',').append(word(random, 58 + random.nextInt(10)));
                w.append(sb).append('\n');
            }
        }
        return Files.size(file);
    }

    private static String word(SplittableRandom random, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    private static void run(String label, Path file, int[] projection, int rows, long bytes, int passes)
            throws Exception {
        FileSystemTableSource source = new FileSystemTableSource(file, "csv",
                new CsvDecoderFactory(CsvFormatConfig.defaults(), BID), BID);
        double[] rates = new double[passes];
        double[] wall = new double[passes];
        try (BufferAllocator allocator = new RootAllocator()) {
            for (int warm = 0; warm < 3; warm++) {
                readAll(source, projection, allocator);
            }
            for (int p = 0; p < passes; p++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long n = readAll(source, projection, allocator);
                long t1 = THREADS.getCurrentThreadCpuTime();
                wall[p] = n / ((System.nanoTime() - w0) / 1e9);
                if (n != rows) {
                    throw new IllegalStateException("read " + n + " rows, expected " + rows);
                }
                rates[p] = n / ((t1 - t0) / 1e9);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(wall);
        double median = rates[passes / 2];
        System.out.printf("%-40s median %.2fM rows/s per CPU-second (%.0f MB/s), best %.2fM; wall-clock median %.2fM%n",
                label, median / 1e6, median * bytes / rows / 1e6, rates[passes - 1] / 1e6, wall[passes / 2] / 1e6);
    }

    private static long readAll(FileSystemTableSource source, int[] projection, BufferAllocator allocator)
            throws Exception {
        long[] count = {0};
        Output output = new Output() {
            @Override
            public void emit(RowBatch batch) {
                count[0] += batch.rowCount();
                batch.close();
            }

            @Override
            public void emitWatermark(long watermark) {
            }
        };
        ReaderContext context = new ReaderContext(projection, BID.project(projection), allocator, new Configuration(), 0, 1);
        try (FileSystemSourceReader reader = source.createReader(context)) {
            reader.open();
            while (reader.pollNext(output) != ReadStatus.END_OF_INPUT) {
                // drain
            }
        }
        return count[0];
    }
}
