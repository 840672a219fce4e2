package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows kept as operator state, in append-only columnar vectors addressed by a dense row id. A row that
 * is no longer needed is {@link #release released}: its id turns dead and its values stay in the
 * vectors until dead ids outnumber live ones; then {@link #compact()} copies the live rows into fresh
 * vectors and returns the renumbering, which the owner applies to every id it holds.
 *
 * <p>Ids are never reused before compaction, because a variable-width Arrow vector can only be
 * written at its end.
 */
final class RowStore implements AutoCloseable {
    private static final int MIN_DEAD_TO_COMPACT = 1024;

    private final RowType type;
    private final BufferAllocator allocator;
    private FieldVector[] vectors;
    private List<FieldVector> vectorList;
    private boolean[] live = new boolean[64];
    private int rowCount;
    private int liveRows;

    RowStore(RowType type, BufferAllocator allocator) {
        this.type = type;
        this.allocator = allocator;
        setVectors(newVectors(16));
    }

    private FieldVector[] newVectors(int capacity) {
        return ColumnVectors.allocateNullable(type, allocator, capacity);
    }

    private void setVectors(FieldVector[] vs) {
        vectors = vs;
        vectorList = Arrays.asList(vs);
    }

    /** The stored rows' vectors; valid until the next {@link #compact()}. */
    FieldVector[] vectors() {
        return vectors;
    }

    /** {@link #vectors()} as a list, for binding comparators. */
    List<FieldVector> vectorList() {
        return vectorList;
    }

    /** Copies row {@code row} of the columns {@code from} (a batch's vectors, in the store's order); returns its id. */
    int add(FieldVector[] from, int row) {
        int id = rowCount;
        for (int c = 0; c < vectors.length; c++) {
            VectorGather.copy(from[c], row, vectors[c], id);
            vectors[c].setValueCount(id + 1);
        }
        return added(id);
    }

    private int added(int id) {
        if (live.length <= id) {
            live = Arrays.copyOf(live, 2 * live.length);
        }
        live[id] = true;
        rowCount = id + 1;
        liveRows++;
        return id;
    }

    /** Appends a row that {@code codec} wrote into {@code in} (see {@link #write}); returns its id. */
    int add(io.sluice.runtime.state.StoredRowCodec codec, java.io.DataInput in, StateReader values)
            throws IOException {
        int id = rowCount;
        codec.read(in, values, vectors, id);
        for (FieldVector v : vectors) {
            v.setValueCount(id + 1);
        }
        return added(id);
    }

    /** Writes row {@code id} with {@code codec}, for state kept in a keyed-state backend. */
    void write(int id, io.sluice.runtime.state.StoredRowCodec codec, java.io.DataOutput out, StateWriter values)
            throws IOException {
        codec.write(vectors, id, out, values);
    }

    /** Marks row {@code id} dead. */
    void release(int id) {
        if (live[id]) {
            live[id] = false;
            liveRows--;
        }
    }

    int liveRows() {
        return liveRows;
    }

    /** Ids handed out since the last compaction, live and dead. */
    int rowIds() {
        return rowCount;
    }

    /** Whether dead ids outnumber live ones enough to make {@link #compact()} worthwhile. */
    boolean isSparse() {
        int dead = rowCount - liveRows;
        return dead >= MIN_DEAD_TO_COMPACT && dead > liveRows;
    }

    /**
     * Copies the live rows into fresh vectors, keeping their relative order; returns the new id of
     * every old id ({@code -1} for dead ones).
     */
    int[] compact() {
        int[] newId = new int[rowCount];
        int[] liveIds = new int[liveRows];
        int n = 0;
        for (int r = 0; r < rowCount; r++) {
            if (live[r]) {
                liveIds[n] = r;
                newId[r] = n++;
            } else {
                newId[r] = -1;
            }
        }
        // room for as many rows as there were: adding them again until the next compaction then needs no growing
        FieldVector[] fresh = newVectors(Math.max(rowCount, 16));
        try {
            for (int c = 0; c < vectors.length; c++) {
                VectorGather.gather(vectors[c], liveIds, 0, n, fresh[c], 0);
                fresh[c].setValueCount(n);
            }
        } catch (RuntimeException e) {
            ColumnVectors.closeAll(fresh);
            throw e;
        }
        ColumnVectors.closeAll(vectors);
        setVectors(fresh);
        live = new boolean[Math.max(64, n)];
        Arrays.fill(live, 0, n, true);
        rowCount = n;
        liveRows = n;
        return newId;
    }

    /** Writes rows {@code ids[0 .. n)}, in that order, for a checkpoint. */
    void snapshot(StateWriter out, int[] ids, int n) throws IOException {
        FieldVector[] gathered = newVectors(Math.max(n, 1));
        try {
            for (int c = 0; c < gathered.length; c++) {
                VectorGather.gather(vectors[c], ids, 0, n, gathered[c], 0);
                gathered[c].setValueCount(n);
            }
            out.writeColumns(type, Arrays.asList(gathered), n);
        } finally {
            ColumnVectors.closeAll(gathered);
        }
    }

    /** Adds the rows {@link #snapshot} wrote, in order; returns the id of the first (the others follow). */
    int restore(StateReader in) throws IOException {
        int base = rowCount;
        try (RowBatch rows = in.readBatch(type, allocator)) {
            FieldVector[] from = rows.root().getFieldVectors().toArray(new FieldVector[0]);
            for (int i = 0; i < rows.rowCount(); i++) {
                add(from, i);
            }
        }
        return base;
    }

    /**
     * Adds the rows {@link #snapshot} wrote whose {@code keep} flag is set, in order; returns each saved row's new id,
     * or -1 for a row left out (restoring at another parallelism, where its key belongs to another instance).
     */
    int[] restoreSelected(StateReader in, boolean[] keep) throws IOException {
        try (RowBatch rows = in.readBatch(type, allocator)) {
            int[] ids = new int[rows.rowCount()];
            FieldVector[] from = rows.root().getFieldVectors().toArray(new FieldVector[0]);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i < keep.length && keep[i] ? add(from, i) : -1;
            }
            return ids;
        }
    }

    /** Bytes held by the stored rows, an estimate for metrics. */
    long sizeInBytes() {
        long bytes = live.length;
        for (FieldVector v : vectors) {
            bytes += v.getBufferSize();
        }
        return bytes;
    }

    @Override
    public void close() {
        ColumnVectors.closeAll(vectors);
        setVectors(new FieldVector[0]);
        rowCount = 0;
        liveRows = 0;
    }
}
