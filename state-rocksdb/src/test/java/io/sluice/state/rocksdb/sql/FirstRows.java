package io.sluice.state.rocksdb.sql;

import java.util.Collection;

/** Waits for a running job's first results, so a test stops it part way however loaded the machine is. */
final class FirstRows {
    private FirstRows() {
    }

    /**
     * Returns once {@code rows} (filled by another thread) holds a row, after at least 300 ms and at most 30 s: a
     * fixed pause alone stopped jobs that had not emitted anything yet on a busy machine.
     */
    static void await(Collection<?> rows) throws InterruptedException {
        Thread.sleep(300);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
