package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows of one input of a {@link TemporalJoinOperator}, each with an event time (epoch millis), a row
 * kind and an int tag chosen by the caller, chained into numbered lists kept in ascending time order
 * (rows of equal time in arrival order). Rows live in append-only columnar vectors addressed by a
 * dense row id; a list is singly linked through {@code next}, with a tail pointer so that rows arriving
 * in time order are appended in constant time. Removed rows stay in the vectors as dead ids until they
 * outnumber the live ones; {@link #compactIfSparse()} then copies the live rows into fresh vectors.
 *
 * <p>A checkpoint ({@link #snapshot}) saves the live rows list by list in chain order with their
 * times, kinds and tags; {@link #restore} relinks them in the same order.
 */
final class TimedRowStore implements AutoCloseable {
    private static final int MIN_DEAD_TO_COMPACT = 1024;

    private final RowType type;
    private final BufferAllocator allocator;
    private FieldVector[] vectors;
    private int rowCount;
    private int liveRows;
    private long[] time = new long[64];
    private byte[] kind = new byte[64];
    private int[] tag = new int[64];
    private int[] next = new int[64];
    private boolean[] live = new boolean[64];
    private int[] head = new int[0];
    private int[] tail = new int[0];

    TimedRowStore(RowType type, BufferAllocator allocator) {
        this.type = type;
        this.allocator = allocator;
        this.vectors = ColumnVectors.allocateNullable(type, allocator, 16);
    }

    /** The stored rows' vectors; valid until the next {@link #append} or {@link #compactIfSparse()}. */
    FieldVector[] vectors() {
        return vectors;
    }

    /** Makes room for lists {@code 0 .. lists-1}. */
    void ensureLists(int lists) {
        if (head.length < lists) {
            int old = head.length;
            int n = Math.max(lists, 2 * old);
            head = Arrays.copyOf(head, n);
            tail = Arrays.copyOf(tail, n);
            Arrays.fill(head, old, n, -1);
            Arrays.fill(tail, old, n, -1);
        }
    }

    /**
     * Copies rows {@code rows[0 .. count)} of {@code batch} into the store as ids {@code base ..
     * base + count - 1} (returns {@code base}), row {@code rows[k]} with time {@code times[rows[k]]},
     * kind {@code kinds[rows[k]]} and tag {@code tags[rows[k]]}; they are in no list until inserted.
     */
    int append(RowBatch batch, int[] rows, int count, long[] times, byte[] kinds, int[] tags) {
        int base = rowCount;
        if (count == 0) {
            return base;
        }
        for (int c = 0; c < vectors.length; c++) {
            VectorGather.gather(batch.vector(c), rows, count, vectors[c], base);
            vectors[c].setValueCount(base + count);
        }
        rowCount = base + count;
        if (next.length < rowCount) {
            int n = Math.max(rowCount, 2 * next.length);
            time = Arrays.copyOf(time, n);
            kind = Arrays.copyOf(kind, n);
            tag = Arrays.copyOf(tag, n);
            next = Arrays.copyOf(next, n);
            live = Arrays.copyOf(live, n);
        }
        for (int k = 0; k < count; k++) {
            int r = rows[k];
            time[base + k] = times[r];
            kind[base + k] = kinds[r];
            tag[base + k] = tags[r];
        }
        return base;
    }

    /** Inserts appended row {@code row} into list {@code list} after every row whose time is not later. */
    void insertByTime(int list, int row) {
        long t = time[row];
        int last = tail[list];
        live[row] = true;
        liveRows++;
        if (last < 0 || time[last] <= t) {
            next[row] = -1;
            if (last < 0) {
                head[list] = row;
            } else {
                next[last] = row;
            }
            tail[list] = row;
            return;
        }
        int prev = -1;
        int r = head[list];
        while (r >= 0 && time[r] <= t) {
            prev = r;
            r = next[r];
        }
        next[row] = r;
        if (prev < 0) {
            head[list] = row;
        } else {
            next[prev] = row;
        }
    }

    /** The first (earliest) row of list {@code list}, or {@code -1}. */
    int first(int list) {
        return list < head.length ? head[list] : -1;
    }

    int next(int row) {
        return next[row];
    }

    long time(int row) {
        return time[row];
    }

    byte kind(int row) {
        return kind[row];
    }

    int tag(int row) {
        return tag[row];
    }

    /** The latest row of list {@code list} whose time is at or before {@code t} (the last such to arrive), or -1. */
    int latestAtOrBefore(int list, long t) {
        int found = -1;
        for (int r = first(list); r >= 0 && time[r] <= t; r = next[r]) {
            found = r;
        }
        return found;
    }

    /** Removes the first row of list {@code list} (which must not be empty); returns its id. */
    int removeFirst(int list) {
        int r = head[list];
        head[list] = next[r];
        if (head[list] < 0) {
            tail[list] = -1;
        }
        live[r] = false;
        liveRows--;
        return r;
    }

    /** Whether list {@code list} holds more than one row. */
    boolean hasSeveral(int list) {
        int h = first(list);
        return h >= 0 && next[h] >= 0;
    }

    /** Number of rows held. */
    int liveRows() {
        return liveRows;
    }

    /** Bytes held by the stored rows and the indexes, an estimate for metrics. */
    long sizeInBytes() {
        long bytes = 18L * next.length + 8L * head.length;
        for (FieldVector v : vectors) {
            bytes += v.getBufferSize();
        }
        return bytes;
    }

    /** Copies the live rows into fresh vectors when dead ids outnumber them, keeping every list's order. */
    void compactIfSparse() {
        int dead = rowCount - liveRows;
        if (dead < MIN_DEAD_TO_COMPACT || dead <= liveRows) {
            return;
        }
        int[] order = new int[liveRows];
        int[] sizes = chainOrder(order, head.length);
        FieldVector[] fresh = VectorGather.gatherColumns(vectors, order, liveRows, type, allocator,
                Math.max(liveRows, 16));
        ColumnVectors.closeAll(vectors);
        vectors = fresh;
        int capacity = Math.max(liveRows, 64);
        long[] newTime = new long[capacity];
        byte[] newKind = new byte[capacity];
        int[] newTag = new int[capacity];
        for (int k = 0; k < liveRows; k++) {
            newTime[k] = time[order[k]];
            newKind[k] = kind[order[k]];
            newTag[k] = tag[order[k]];
        }
        time = newTime;
        kind = newKind;
        tag = newTag;
        next = new int[capacity];
        live = new boolean[capacity];
        rowCount = liveRows;
        relink(sizes, 0);
    }

    /** Fills {@code order} with the live rows of lists {@code 0 .. lists-1} in chain order; returns their lengths. */
    private int[] chainOrder(int[] order, int lists) {
        ensureLists(lists);
        int[] sizes = new int[lists];
        int n = 0;
        for (int l = 0; l < lists; l++) {
            for (int r = head[l]; r >= 0; r = next[r]) {
                order[n++] = r;
                sizes[l]++;
            }
        }
        if (n != liveRows) {
            throw new IllegalStateException("temporal join state: " + liveRows + " live rows but " + n + " in lists");
        }
        return sizes;
    }

    /** Links ids {@code base ..} consecutively into lists of the given lengths (they are in chain order). */
    private void relink(int[] sizes, int base) {
        ensureLists(sizes.length);
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);
        int r = base;
        for (int l = 0; l < sizes.length; l++) {
            for (int k = 0; k < sizes[l]; k++, r++) {
                next[r] = -1;
                live[r] = true;
                if (tail[l] < 0) {
                    head[l] = r;
                } else {
                    next[tail[l]] = r;
                }
                tail[l] = r;
            }
        }
        liveRows = r - base;
    }

    /** Writes the live rows of lists {@code 0 .. lists-1} (which hold every live row) in chain order, for a checkpoint. */
    void snapshot(StateWriter out, int lists) throws IOException {
        int[] order = new int[liveRows];
        int[] sizes = chainOrder(order, lists);
        int n = liveRows;
        out.writeInts(sizes, sizes.length);
        FieldVector[] gathered = VectorGather.gatherColumns(vectors, order, n, type, allocator, Math.max(n, 1));
        try {
            out.writeColumns(type, Arrays.asList(gathered), n);
        } finally {
            ColumnVectors.closeAll(gathered);
        }
        long[] times = new long[n];
        int[] kindsAndTags = new int[2 * n];
        for (int k = 0; k < n; k++) {
            times[k] = time[order[k]];
            kindsAndTags[2 * k] = kind[order[k]];
            kindsAndTags[2 * k + 1] = tag[order[k]];
        }
        out.writeLongs(times, n);
        out.writeInts(kindsAndTags, 2 * n);
    }

    /** Restores what {@link #snapshot} wrote into this (empty) store; returns the number of lists. */
    int restore(StateReader in) throws IOException {
        if (rowCount != 0) {
            throw new IllegalStateException("restoring into a temporal join state that holds rows");
        }
        int[] sizes = in.readInts();
        try (RowBatch rows = in.readBatch(type, allocator)) {
            int n = rows.rowCount();
            long[] times = in.readLongs();
            int[] kindsAndTags = in.readInts();
            if (times.length != n || kindsAndTags.length != 2 * n || Arrays.stream(sizes).sum() != n) {
                throw new IOException("state snapshot: the temporal join's row lists do not match its rows");
            }
            int[] all = new int[n];
            byte[] kinds = new byte[n];
            int[] tags = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
                kinds[i] = (byte) kindsAndTags[2 * i];
                tags[i] = kindsAndTags[2 * i + 1];
            }
            relink(sizes, append(rows, all, n, times, kinds, tags));
        }
        return sizes.length;
    }

    /**
     * Adds what {@link #snapshot} wrote on another instance (a state restored at another parallelism): a row of
     * snapshot list {@code l} goes into list {@code listTarget[l]}, or is left out when that is negative or when
     * {@code keep} (null: keep all) rejects it ({@code keep} gets the snapshot's rows and says per row whether to
     * keep it); a kept row's tag {@code t >= 0} becomes {@code tagTarget[t]} (null: unchanged). Rows join their lists
     * by time ({@link #insertByTime}), after those already there with equal times. The lists must exist.
     */
    void restoreRemapped(StateReader in, int[] listTarget, java.util.function.Function<RowBatch, boolean[]> keep,
            int[] tagTarget) throws IOException {
        int[] sizes = in.readInts();
        try (RowBatch rows = in.readBatch(type, allocator)) {
            int n = rows.rowCount();
            long[] times = in.readLongs();
            int[] kindsAndTags = in.readInts();
            if (times.length != n || kindsAndTags.length != 2 * n || Arrays.stream(sizes).sum() != n) {
                throw new IOException("state snapshot: the temporal join's row lists do not match its rows");
            }
            boolean[] kept = keep == null ? null : keep.apply(rows);
            int[] listOf = new int[n];
            int r = 0;
            for (int l = 0; l < sizes.length; l++) {
                for (int k = 0; k < sizes[l]; k++) {
                    listOf[r++] = l < listTarget.length ? listTarget[l] : -1;
                }
            }
            int[] selected = new int[n];
            byte[] kinds = new byte[n];
            int[] tags = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                kinds[i] = (byte) kindsAndTags[2 * i];
                int t = kindsAndTags[2 * i + 1];
                tags[i] = tagTarget == null || t < 0 || t >= tagTarget.length ? t : tagTarget[t];
                if (listOf[i] >= 0 && (kept == null || kept[i])) {
                    selected[m++] = i;
                }
            }
            int base = append(rows, selected, m, times, kinds, tags);
            for (int k = 0; k < m; k++) {
                insertByTime(listOf[selected[k]], base + k);
            }
        }
    }

    @Override
    public void close() {
        ColumnVectors.closeAll(vectors);
        vectors = new FieldVector[0];
        rowCount = 0;
        liveRows = 0;
    }
}
