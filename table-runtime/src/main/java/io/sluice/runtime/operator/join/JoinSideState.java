package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows one input of a {@link StreamingJoinOperator} has received and not retracted: a multiset
 * per join key. Rows live in append-only columnar vectors addressed by a dense row id; each key (a
 * <i>list</i>: list {@code 0} holds rows with a NULL key, list {@code g + 1} the rows of key id
 * {@code g}) chains its rows in arrival order through doubly linked {@code next}/{@code prev} arrays,
 * so a retracted row is unlinked in constant time once found. Optionally each row carries its number
 * of associations: how many matching rows the other input holds (outer sides, the left of SEMI/ANTI).
 *
 * <p>Retracted rows stay in the vectors as dead ids until they outnumber the live ones; then
 * {@link #compactIfSparse()} copies the live rows into fresh vectors and renumbers them.
 *
 * <p>Each row also carries its last write time (processing time, epoch millis): when it was stored or
 * its number of associations last changed. With a state TTL ({@link StateTtl}) a row not written for
 * that long is expired: {@link #expireList} unlinks the expired rows of one list before the list is
 * used, and {@link #expireIncrementally} checks a bounded number of row ids per call, so the rows of
 * keys that are never seen again are reclaimed too (by the next compaction).
 *
 * <p>A checkpoint ({@link #snapshot}) saves the live rows only, list by list in chain order, with the
 * length of each list, each row's number of associations and its last write time; {@link #restore}
 * relinks them, so the restored state is the compacted equivalent of the saved one.
 */
final class JoinSideState implements AutoCloseable {
    private static final int MIN_DEAD_TO_COMPACT = 1024;

    private final RowType type;
    private final BufferAllocator allocator;
    private final boolean tracksAssociations;
    private final StateTtl ttl;
    private FieldVector[] vectors;
    private int rowCount;
    private int liveRows;
    private int[] next = new int[64];
    private int[] prev = new int[64];
    private boolean[] live = new boolean[64];
    private int[] associations;
    private long[] writeTime = new long[64];
    private int[] rowList = new int[64];
    private long now;
    private int cleanupCursor;
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int[] liveIds = new int[0];

    JoinSideState(RowType type, BufferAllocator allocator, boolean tracksAssociations, StateTtl ttl) {
        this.type = type;
        this.allocator = allocator;
        this.tracksAssociations = tracksAssociations;
        this.ttl = ttl;
        this.associations = tracksAssociations ? new int[64] : null;
        this.vectors = ColumnVectors.allocateNullable(type, allocator, 16);
    }

    /**
     * Whether rows carry their number of associations; such sides (whose unmatched rows are emitted)
     * also keep rows with a NULL key, in list 0, so that their retraction is recognized.
     */
    boolean tracksAssociations() {
        return tracksAssociations;
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
     * Copies rows {@code rows[0 .. count)} of {@code batch} into the state, as ids
     * {@code base .. base + count - 1} (returns {@code base}); they are not in any list until
     * {@link #link}ed.
     */
    int append(RowBatch batch, int[] rows, int count) {
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
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
            live = Arrays.copyOf(live, n);
            writeTime = Arrays.copyOf(writeTime, n);
            rowList = Arrays.copyOf(rowList, n);
            if (tracksAssociations) {
                associations = Arrays.copyOf(associations, n);
            }
        }
        Arrays.fill(writeTime, base, rowCount, now);
        return base;
    }

    /** Adds row {@code row} (appended, not yet linked) at the end of list {@code list}. */
    void link(int list, int row) {
        int t = tail[list];
        prev[row] = t;
        next[row] = -1;
        if (t < 0) {
            head[list] = row;
        } else {
            next[t] = row;
        }
        tail[list] = row;
        live[row] = true;
        rowList[row] = list;
        liveRows++;
    }

    /** Sets the processing time that rows stored or written from now on get as their write time. */
    void setTime(long now) {
        this.now = now;
    }

    /** Unlinks the expired rows of list {@code list}; returns how many. */
    int expireList(int list) {
        if (!ttl.enabled() || list >= head.length) {
            return 0;
        }
        int expired = 0;
        for (int r = head[list]; r >= 0; r = next[r]) {
            if (ttl.isExpired(writeTime[r], now)) {
                remove(list, r); // leaves next[r] intact, so the walk goes on
                expired++;
            }
        }
        return expired;
    }

    /** Unlinks the expired rows among the next {@code budget} row ids (round robin); returns how many. */
    int expireIncrementally(int budget) {
        if (!ttl.enabled() || rowCount == 0) {
            return 0;
        }
        int expired = 0;
        for (int n = Math.min(budget, rowCount); n > 0; n--) {
            if (cleanupCursor >= rowCount) {
                cleanupCursor = 0;
            }
            int r = cleanupCursor++;
            if (live[r] && ttl.isExpired(writeTime[r], now)) {
                remove(rowList[r], r);
                expired++;
            }
        }
        return expired;
    }

    /** The first row of list {@code list}, or {@code -1}. */
    int first(int list) {
        return list < head.length ? head[list] : -1;
    }

    /** The row after {@code row} in its list, or {@code -1}. */
    int next(int row) {
        return next[row];
    }

    /** The oldest row of list {@code list} equal in every column to row {@code row} of {@code batch}, or -1. */
    int findEqual(int list, RowBatch batch, int row) {
        for (int r = first(list); r >= 0; r = next[r]) {
            if (rowEquals(r, batch, row)) {
                return r;
            }
        }
        return -1;
    }

    private boolean rowEquals(int stored, RowBatch batch, int row) {
        for (int c = 0; c < vectors.length; c++) {
            if (!io.sluice.runtime.data.VectorSlots.equal(vectors[c], stored, batch.vector(c), row)) {
                return false;
            }
        }
        return true;
    }

    /** Unlinks row {@code row} from list {@code list}; its id becomes dead. */
    void remove(int list, int row) {
        int p = prev[row];
        int n = next[row];
        if (p < 0) {
            head[list] = n;
        } else {
            next[p] = n;
        }
        if (n < 0) {
            tail[list] = p;
        } else {
            prev[n] = p;
        }
        live[row] = false;
        liveRows--;
    }

    /** The list (key id + 1) live row {@code row} is linked in. */
    int listOf(int row) {
        return rowList[row];
    }

    int associations(int row) {
        return associations[row];
    }

    void setAssociations(int row, int count) {
        associations[row] = count;
        writeTime[row] = now;
    }

    /** Changes the row's number of associations: a write, which renews the row's TTL. */
    void addAssociations(int row, int delta) {
        associations[row] += delta;
        writeTime[row] = now;
    }

    /** The row's last write time (epoch millis). */
    long writeTime(int row) {
        return writeTime[row];
    }

    /** Number of rows held. */
    int liveRows() {
        return liveRows;
    }

    /** Bytes held by the stored rows and the indexes, an estimate for metrics. */
    long sizeInBytes() {
        long bytes = 21L * next.length + 8L * head.length + (tracksAssociations ? 4L * associations.length : 0);
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
        int[] newId = new int[rowCount];
        if (liveIds.length < liveRows) {
            liveIds = new int[liveRows];
        }
        int n = 0;
        for (int r = 0; r < rowCount; r++) {
            if (live[r]) {
                liveIds[n] = r;
                newId[r] = n++;
            } else {
                newId[r] = -1;
            }
        }
        FieldVector[] fresh = VectorGather.gatherColumns(vectors, liveIds, n, type, allocator, Math.max(n, 16));
        ColumnVectors.closeAll(vectors);
        vectors = fresh;
        int[] newNext = new int[Math.max(n, 64)];
        int[] newPrev = new int[newNext.length];
        boolean[] newLive = new boolean[newNext.length];
        int[] newAssociations = tracksAssociations ? new int[newNext.length] : null;
        long[] newWriteTime = new long[newNext.length];
        int[] newRowList = new int[newNext.length];
        for (int k = 0; k < n; k++) {
            int r = liveIds[k];
            newNext[k] = next[r] < 0 ? -1 : newId[next[r]];
            newPrev[k] = prev[r] < 0 ? -1 : newId[prev[r]];
            newLive[k] = true;
            newWriteTime[k] = writeTime[r];
            newRowList[k] = rowList[r];
            if (tracksAssociations) {
                newAssociations[k] = associations[r];
            }
        }
        for (int l = 0; l < head.length; l++) {
            head[l] = head[l] < 0 ? -1 : newId[head[l]];
            tail[l] = tail[l] < 0 ? -1 : newId[tail[l]];
        }
        next = newNext;
        prev = newPrev;
        live = newLive;
        associations = newAssociations;
        writeTime = newWriteTime;
        rowList = newRowList;
        rowCount = n;
        cleanupCursor = 0;
    }

    /** Writes the live rows of lists {@code 0 .. lists-1} (in chain order) for a checkpoint. */
    void snapshot(StateWriter out, int lists) throws IOException {
        try (Frozen frozen = freeze(lists)) {
            frozen.write(out);
        }
    }

    /**
     * Freezes what {@link #snapshot} writes for lists {@code 0 .. lists-1}, for an asynchronous snapshot: copies of
     * the list heads, the chain links, the association counts and write times of the row ids in use, and slices of
     * the row vectors (rows are appended and never rewritten, and compaction moves them into fresh vectors, so the
     * slices keep the frozen rows as they are). Costs a copy of the index arrays, not of the rows.
     */
    Frozen freeze(int lists) {
        int[] heads = new int[lists];
        int known = Math.min(lists, head.length);
        System.arraycopy(head, 0, heads, 0, known);
        Arrays.fill(heads, known, lists, -1);
        return new Frozen(heads, Arrays.copyOf(next, rowCount),
                tracksAssociations ? Arrays.copyOf(associations, rowCount) : null, Arrays.copyOf(writeTime, rowCount),
                liveRows, io.sluice.runtime.state.FrozenColumns.of(type, Arrays.asList(vectors), rowCount));
    }

    /** A side's state frozen at a checkpoint barrier ({@link #freeze}); written later, from any thread. */
    final class Frozen implements AutoCloseable {
        private final int[] heads;
        private final int[] links;
        private final int[] counts;
        private final long[] times;
        private final int live;
        private final io.sluice.runtime.state.FrozenColumns rows;

        private Frozen(int[] heads, int[] links, int[] counts, long[] times, int live,
                io.sluice.runtime.state.FrozenColumns rows) {
            this.heads = heads;
            this.links = links;
            this.counts = counts;
            this.times = times;
            this.live = live;
            this.rows = rows;
        }

        /** Writes the frozen live rows, list by list in chain order, as {@link #snapshot} does. */
        void write(StateWriter out) throws IOException {
            int lists = heads.length;
            int[] sizes = new int[lists];
            int[] order = new int[live];
            int n = 0;
            for (int l = 0; l < lists; l++) {
                for (int r = heads[l]; r >= 0; r = links[r]) {
                    if (n == live) {
                        throw new IllegalStateException("join state: more rows in the key lists than the " + live
                                + " live ones");
                    }
                    order[n++] = r;
                    sizes[l]++;
                }
            }
            if (n != live) {
                throw new IllegalStateException("join state: " + live + " live rows but " + n + " in the key lists");
            }
            out.writeInts(sizes, lists);
            FieldVector[] gathered = VectorGather.gatherColumns(rows.vectors(), order, n, type, allocator,
                    Math.max(n, 1));
            try {
                out.writeColumns(type, Arrays.asList(gathered), n);
            } finally {
                ColumnVectors.closeAll(gathered);
            }
            if (counts != null) {
                int[] ordered = new int[n];
                for (int k = 0; k < n; k++) {
                    ordered[k] = counts[order[k]];
                }
                out.writeInts(ordered, n);
            }
            long[] orderedTimes = new long[n];
            for (int k = 0; k < n; k++) {
                orderedTimes[k] = times[order[k]];
            }
            out.writeLongs(orderedTimes, n);
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Restores what {@link #snapshot} wrote into this (empty) state; returns the number of lists. */
    int restore(StateReader in) throws IOException {
        if (rowCount != 0) {
            throw new IllegalStateException("restoring into a join state that holds rows");
        }
        int[] sizes = in.readInts();
        ensureLists(sizes.length);
        try (RowBatch rows = in.readBatch(type, allocator)) {
            int n = rows.rowCount();
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            int base = append(rows, all, n);
            int r = base;
            for (int l = 0; l < sizes.length; l++) {
                for (int k = 0; k < sizes[l]; k++) {
                    link(l, r++);
                }
            }
            if (r != base + n) {
                throw new IOException("state snapshot: the join's key lists hold " + (r - base) + " of " + n + " rows");
            }
        }
        if (tracksAssociations) {
            int[] counts = in.readInts();
            System.arraycopy(counts, 0, associations, 0, counts.length);
        }
        long[] times = in.readLongs();
        System.arraycopy(times, 0, writeTime, 0, times.length);
        return sizes.length;
    }

    /**
     * Adds the rows {@code owned} accepts from what {@link #snapshot} wrote on an instance of a run at another
     * parallelism (this side is input {@code input}): the rows of saved list {@code l} go to list
     * {@code listTarget[l]}, or are left out when that is negative; rows of list 0 (NULL keys, which match nothing)
     * are kept by the hash of their own key columns. The caller made room for every target list.
     */
    void restoreOwned(StateReader in, int[] listTarget, io.sluice.runtime.state.KeyOwnership owned, int input)
            throws IOException {
        int[] sizes = in.readInts();
        if (sizes.length > listTarget.length) {
            throw new IOException("state snapshot: a join side's key lists do not match the key table");
        }
        int[] keyColumns = owned.inputKeys(input);
        try (RowBatch rows = in.readBatch(type, allocator)) {
            int n = rows.rowCount();
            int[] kept = new int[n];
            int[] keptList = new int[n];
            int m = 0;
            int r = 0;
            for (int l = 0; l < sizes.length; l++) {
                for (int k = 0; k < sizes[l]; k++, r++) {
                    if (listTarget[l] >= 0 && (l > 0 || owned.owns(rows, keyColumns, r))) {
                        kept[m] = r;
                        keptList[m++] = listTarget[l];
                    }
                }
            }
            if (r != n) {
                throw new IOException("state snapshot: the join's key lists hold " + r + " of " + n + " rows");
            }
            int base = append(rows, kept, m);
            for (int i = 0; i < m; i++) {
                link(keptList[i], base + i);
            }
            if (tracksAssociations) {
                int[] counts = in.readInts();
                for (int i = 0; i < m; i++) {
                    associations[base + i] = counts[kept[i]];
                }
            }
            long[] times = in.readLongs();
            for (int i = 0; i < m; i++) {
                writeTime[base + i] = times[kept[i]];
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
