package io.sluice.state.rocksdb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQL Top-N whose partitions hold several times the JVM's heap (many partitions, each keeping its top rows with a
 * wide column) runs to the right result with {@code state.backend.type: rocksdb}.
 * Surefire runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the
 * RocksDB working files while the job runs and checks they outgrow the heap.
 */
class TopNStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int PARTITIONS = 100_000;
    private static final int TOP = 3;
    private static final int PAYLOAD = 1000;

    @TempDir
    Path tmp;

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

    @Test
    @Timeout(600)
    void aTopNWhoseStateIsSeveralTimesTheHeapKeepsTheRightRows() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        // the module's default test JVM (2 GB heap) leaves this to the pom's larger-than-heap execution
        assumeTrue(heap < 160L << 20, "runs in the small-heap JVM of the larger-than-heap execution");
        Path stateDir = tmp.resolve("rocksdb");
        Files.createDirectories(stateDir);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + stateDir + "'");
        env.executeSql("CREATE TABLE a (id BIGINT, payload STRING) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '100000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
                + " 'fields.id.end' = '" + ROWS + "', 'fields.payload.length' = '" + PAYLOAD + "')");
        AtomicLong maxStateBytes = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                maxStateBytes.accumulateAndGet(sizeOf(stateDir), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long rows = -1;
        long idSum = -1;
        long longest = -1;
        try (CloseableIterator<Row> changes = env.executeSql("SELECT COUNT(*), SUM(id), MAX(CHAR_LENGTH(payload))"
                + " FROM (SELECT id, payload, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id DESC) AS rn"
                + " FROM (SELECT id % " + PARTITIONS + " AS k, id, payload FROM a)) WHERE rn <= " + TOP)
                .collect()) {
            while (changes.hasNext()) {
                Row r = changes.next();
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    rows = ((Number) r.getField(0)).longValue();
                    idSum = ((Number) r.getField(1)).longValue();
                    longest = ((Number) r.getField(2)).longValue();
                }
            }
        } finally {
            running.set(false);
            sampler.join();
        }
        System.out.println("Top-N state on disk: at most " + (maxStateBytes.get() >> 20) + " MiB; heap: "
                + (heap >> 20) + " MiB");
        // each partition k gets ids k, k + P, k + 2P, k + 3P (k = 0: P .. 4P) and keeps all but the smallest
        long smallest = (long) PARTITIONS * (PARTITIONS + 1) / 2;
        assertEquals((long) PARTITIONS * TOP, rows, "the top rows of every partition");
        assertEquals((long) ROWS * (ROWS + 1) / 2 - smallest, idSum, "the largest ids of every partition");
        assertEquals(PAYLOAD, longest);
        assertTrue(maxStateBytes.get() > 3 * heap, "the Top-N's state on disk (" + (maxStateBytes.get() >> 20)
                + " MiB) is several times the heap (" + (heap >> 20) + " MiB)");
    }
}
