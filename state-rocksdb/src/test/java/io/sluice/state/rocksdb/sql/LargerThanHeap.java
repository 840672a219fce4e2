package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the {@code *LargerThanHeapTest}s share: they run in the module's small-heap JVM (see the pom's
 * larger-than-heap execution), start a streaming {@link TableEnvironment} with {@code state.backend.type: rocksdb} and
 * its RocksDB files in a directory of their own, run one query over {@code datagen} tables of wide random payloads
 * while sampling the size of those files, and check the state on disk outgrew the heap several times.
 */
final class LargerThanHeap {
    /** The tests run only in a JVM whose heap is smaller than this (the module's default test JVM has 2 GB). */
    private static final long SMALL_HEAP = 160L << 20;

    private final Path stateDir;
    private final TableEnvironment env;
    private final long heap = Runtime.getRuntime().maxMemory();
    private long maxStateBytes;

    /** Skips the test outside the small-heap JVM; else a RocksDB environment keeping its files under {@code tmp}. */
    LargerThanHeap(Path tmp) throws IOException {
        assumeTrue(heap < SMALL_HEAP, "runs in the small-heap JVM of the larger-than-heap execution");
        stateDir = tmp.resolve("rocksdb");
        Files.createDirectories(stateDir);
        env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + stateDir + "'");
    }

    TableEnvironment env() {
        return env;
    }

    /**
     * Creates table {@code name} of {@code datagen} rows {@code (id BIGINT, payload STRING <extraColumns>)}: ids
     * {@code 1 .. rows} in order, random payloads of {@code payloadLength} characters; {@code extraColumns} (may be
     * empty) is appended to the column list, e.g. {@code ", ts AS ..., WATERMARK FOR ts AS ts"}.
     */
    void createPayloadTable(String name, int rows, int payloadLength, String extraColumns) {
        env.executeSql("CREATE TABLE " + name + " (id BIGINT, payload STRING" + extraColumns + ") WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '100000000', 'fields.id.kind' = 'sequence',"
                + " 'fields.id.start' = '1', 'fields.id.end' = '" + rows + "',"
                + " 'fields.payload.length' = '" + payloadLength + "')");
    }

    /**
     * Runs {@code query} to its end while sampling the RocksDB files' size every 100 ms; returns its last inserted or
     * updated row (a one-row summary query's final result).
     */
    Row lastRow(String query) throws Exception {
        AtomicLong max = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                max.accumulateAndGet(sizeOf(stateDir), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Row last = null;
        try (CloseableIterator<Row> rows = env.executeSql(query).collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    last = r;
                }
            }
        } finally {
            running.set(false);
            sampler.join();
        }
        maxStateBytes = max.get();
        return last;
    }

    /** Prints the largest state on disk {@link #lastRow} saw and checks it is more than three times the heap. */
    void assertStateOutgrewTheHeap(String what) {
        System.out.println(what + " state on disk: at most " + (maxStateBytes >> 20) + " MiB; heap: " + (heap >> 20)
                + " MiB");
        assertTrue(maxStateBytes > 3 * heap, "the " + what + "'s state on disk (" + (maxStateBytes >> 20)
                + " MiB) is several times the heap (" + (heap >> 20) + " MiB)");
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file RocksDB deleted while we walked
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
