package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The state of one window of a {@link WindowDeduplicateOperator}: per key, the row kept so far and its rowtime.
 * Keys get dense ids from a {@link KeyHashTable} (no key columns: one key); kept rows live in a
 * {@link RowBuffer}. A row that replaces a key's row is appended and the old one becomes dead; the buffer is
 * compacted once dead rows outnumber the kept ones, so memory stays proportional to the number of keys.
 */
final class WindowDedupState implements AutoCloseable {
    private static final int MIN_DEAD_TO_COMPACT = 1024;

    private final int[] keyFields;
    private final int timeField;
    private final boolean keepLast;
    private final KeyHashTable table;
    private final RowBuffer rows;
    private final BufferAllocator allocator;
    private int keys;
    /** Per key id, the buffer index of its kept row (-1: none yet) and that row's rowtime. */
    private int[] keptRow = new int[0];
    private long[] keptTime = new long[0];
    /** Per key id, the batch row that wins in the batch being added (-1: none). */
    private int[] winner = new int[0];
    private int dead;
    private int[] ids = new int[0];
    private int[] touched = new int[0];
    private int[] picks = new int[0];

    WindowDedupState(RowType type, int[] keyFields, int timeField, boolean keepLast, BufferAllocator allocator) {
        this.keyFields = keyFields;
        this.timeField = timeField;
        this.keepLast = keepLast;
        this.table = keyFields.length == 0 ? null : KeyHashTable.forGrouping(allocator, type.project(keyFields).types());
        RowBuffer buffer;
        try {
            buffer = new RowBuffer(type, allocator);
        } catch (RuntimeException e) {
            if (table != null) {
                table.close();
            }
            throw e;
        }
        this.rows = buffer;
        this.allocator = allocator;
    }

    /**
     * Offers every row of {@code batch} (all of this window; rowtime not NULL): a row replaces its key's kept
     * row when its rowtime is smaller (first row) or not smaller (last row: among equal rowtimes the later
     * arrival wins), as Flink's window deduplication decides.
     */
    void add(RowBatch batch) {
        int n = batch.rowCount();
        if (ids.length < n) {
            ids = new int[n];
            touched = new int[n];
            picks = new int[n];
        }
        if (table != null) {
            table.findOrInsert(KeyHashTable.columnsOf(batch, keyFields), n, ids);
        } else {
            Arrays.fill(ids, 0, n, 0);
        }
        int size = table == null ? 1 : table.size();
        ensureKeys(size);
        TimeStampVector time = (TimeStampVector) batch.vector(timeField);
        int touchedCount = 0;
        for (int i = 0; i < n; i++) {
            int g = ids[i];
            long t = time.get(i);
            boolean empty = keptRow[g] < 0 && winner[g] < 0;
            if (empty || (keepLast ? t >= keptTime[g] : t < keptTime[g])) {
                if (winner[g] < 0) {
                    touched[touchedCount++] = g;
                }
                winner[g] = i;
                keptTime[g] = t;
            }
        }
        if (touchedCount == 0) {
            return;
        }
        for (int k = 0; k < touchedCount; k++) {
            picks[k] = winner[touched[k]];
        }
        int base = rows.rowCount();
        try (RowBatch chosen = VectorGather.gatherRows(batch, picks, 0, touchedCount, allocator)) {
            rows.append(chosen);
        }
        for (int k = 0; k < touchedCount; k++) {
            int g = touched[k];
            if (keptRow[g] >= 0) {
                dead++;
            }
            keptRow[g] = base + k;
            winner[g] = -1;
        }
        compactIfSparse();
    }

    private void ensureKeys(int size) {
        if (keptRow.length < size) {
            int n = Math.max(size, Math.max(16, 2 * keptRow.length));
            int old = keptRow.length;
            keptRow = Arrays.copyOf(keptRow, n);
            keptTime = Arrays.copyOf(keptTime, n);
            winner = Arrays.copyOf(winner, n);
            Arrays.fill(keptRow, old, n, -1);
            Arrays.fill(winner, old, n, -1);
        }
        keys = size;
    }

    private void compactIfSparse() {
        if (dead < MIN_DEAD_TO_COMPACT || dead <= keys) {
            return;
        }
        int[] order = keptOrder();
        rows.keepOnly(order, keys);
        for (int g = 0; g < keys; g++) {
            keptRow[g] = g;
        }
        dead = 0;
    }

    /** The buffer indexes of the kept rows, in key-id order. */
    private int[] keptOrder() {
        return Arrays.copyOf(keptRow, keys);
    }

    /** Number of keys, i.e. of kept rows. */
    int keyCount() {
        return keys;
    }

    /** The kept rows, one per key in key-id order: {@code indexes} into {@link #rows()}. */
    int[] keptRows() {
        return keptOrder();
    }

    /** The buffer holding the kept (and dead) rows. */
    RowBuffer rows() {
        return rows;
    }

    @Override
    public void close() {
        rows.close();
        if (table != null) {
            table.close();
        }
    }
}
