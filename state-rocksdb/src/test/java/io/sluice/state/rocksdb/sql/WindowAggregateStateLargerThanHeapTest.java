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
 * A SQL TUMBLE window aggregate whose one open window holds groups of several times the JVM's heap (many keys, each
 * with the distinct values of a wide column for {@code COUNT(DISTINCT ...)}) fires with the right results with
 * {@code state.backend.type: rocksdb}.
 * Surefire runs this class in its own JVM with a small {@code -Xmx} (see the module's pom); the test measures the
 * RocksDB working files while the job runs and checks they outgrow the heap.
 */
class WindowAggregateStateLargerThanHeapTest {
    private static final int ROWS = 400_000;
    private static final int GROUPS = 200_000;
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
    void aWindowWhoseGroupsAreSeveralTimesTheHeapFiresWithTheRightCounts() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        // the module's default test JVM (2 GB heap) leaves this to the pom's larger-than-heap execution
        assumeTrue(heap < 160L << 20, "runs in the small-heap JVM of the larger-than-heap execution");
        Path stateDir = tmp.resolve("rocksdb");
        Files.createDirectories(stateDir);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("SET 'state.backend.type' = 'rocksdb'");
        env.executeSql("SET 'state.backend.rocksdb.localdir' = '" + stateDir + "'");
        env.executeSql("CREATE TABLE a (id BIGINT, payload STRING, ts AS TO_TIMESTAMP_LTZ(id, 3),"
                + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
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
        long groups = -1;
        long values = -1;
        long longest = -1;
        // one window (event times 1 .. ROWS ms) holding every group until the input ends
        try (CloseableIterator<Row> rows = env.executeSql("SELECT COUNT(*), SUM(n), MAX(w) FROM (SELECT id % "
                + GROUPS + " AS k, window_start, COUNT(DISTINCT payload) AS n, MAX(CHAR_LENGTH(payload)) AS w"
                + " FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' HOUR))"
                + " GROUP BY id % " + GROUPS + ", window_start, window_end)").collect()) {
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
                    groups = ((Number) r.getField(0)).longValue();
                    values = ((Number) r.getField(1)).longValue();
                    longest = ((Number) r.getField(2)).longValue();
                }
            }
        } finally {
            running.set(false);
            sampler.join();
        }
        System.out.println("window aggregate state on disk: at most " + (maxStateBytes.get() >> 20) + " MiB; heap: "
                + (heap >> 20) + " MiB");
        assertEquals(GROUPS, groups, "every group counted once");
        assertEquals(ROWS, values, "every (random) payload is a distinct value of its group");
        assertEquals(PAYLOAD, longest);
        assertTrue(maxStateBytes.get() > 3 * heap, "the window aggregate's state on disk (" + (maxStateBytes.get() >> 20)
                + " MiB) is several times the heap (" + (heap >> 20) + " MiB)");
    }
}
