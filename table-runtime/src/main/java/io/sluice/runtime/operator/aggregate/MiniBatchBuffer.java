package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import java.util.ArrayDeque;

/**
 * The input rows of a mini-batch group aggregate not yet folded into its state: whole batches in arrival
 * order, each with the group id of every row (assigned on arrival) and how many of its rows were already
 * processed (a mini-batch may end inside a batch). Owns the batches it holds.
 */
final class MiniBatchBuffer implements AutoCloseable {

    /** One buffered batch. */
    static final class Entry {
        final RowBatch batch;
        final int[] groupIds;
        final long arrivalMillis;
        /** Rows before this one were already processed. */
        int offset;

        Entry(RowBatch batch, int[] groupIds, long arrivalMillis) {
            this.batch = batch;
            this.groupIds = groupIds;
            this.arrivalMillis = arrivalMillis;
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int rows;

    /** Takes ownership of {@code batch}, whose row {@code i} belongs to group {@code groupIds[i]}. */
    void add(RowBatch batch, int[] groupIds, long arrivalMillis) {
        entries.addLast(new Entry(batch, groupIds, arrivalMillis));
        rows += batch.rowCount();
    }

    /** Number of buffered rows not yet processed. */
    int rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** True when the oldest unprocessed row has waited at least {@code latencyMillis} at {@code nowMillis}. */
    boolean waitedAtLeast(long latencyMillis, long nowMillis) {
        return !entries.isEmpty() && nowMillis - entries.peekFirst().arrivalMillis >= latencyMillis;
    }

    /** The buffered batches, oldest first. */
    Iterable<Entry> entries() {
        return entries;
    }

    /** The oldest batch with unprocessed rows (null when empty). */
    Entry head() {
        return entries.peekFirst();
    }

    /** Marks the head's rows before {@code end} as processed; closes and drops it once all are. */
    void consumeHead(int end) {
        Entry head = entries.peekFirst();
        rows -= end - head.offset;
        head.offset = end;
        if (end >= head.batch.rowCount()) {
            entries.pollFirst();
            head.batch.close();
        }
    }

    @Override
    public void close() {
        for (Entry e : entries) {
            e.batch.close();
        }
        entries.clear();
        rows = 0;
    }
}
