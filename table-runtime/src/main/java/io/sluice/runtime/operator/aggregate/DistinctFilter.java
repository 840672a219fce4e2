package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Keeps, for a DISTINCT aggregate, only the first row of each (group, argument values) pair. The pairs
 * seen so far live in a {@link KeyHashTable} whose first column is the group id; rows already excluded
 * (negative group id) and rows with a NULL argument never enter it, since aggregates ignore NULLs.
 */
final class DistinctFilter implements AutoCloseable {
    private final KeyHashTable seen;
    private final IntVector groupColumn;
    private final FieldVector[] keys;
    /** The (group id, arguments...) pairs as a row type, for snapshots. */
    private final RowType pairType;
    private int[] pairIds = new int[0];

    DistinctFilter(List<LogicalType> argTypes, BufferAllocator allocator) {
        List<LogicalType> types = new ArrayList<>();
        types.add(LogicalType.integer());
        types.addAll(argTypes);
        boolean[] nullSafe = new boolean[types.size()]; // all false: NULL group ids and NULL arguments drop out
        groupColumn = new IntVector("group", allocator);
        try {
            seen = new KeyHashTable(allocator, types, nullSafe);
        } catch (RuntimeException e) {
            groupColumn.close();
            throw e;
        }
        keys = new FieldVector[types.size()];
        keys[0] = groupColumn;
        List<String> names = new ArrayList<>();
        List<LogicalType> nullable = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            names.add(c == 0 ? "group" : "arg" + c);
            nullable.add(types.get(c).copy(true));
        }
        pairType = new RowType(names, nullable);
    }

    /** Sets {@code groupIds[i]} to -1 for every row that is not the first of its (group, arguments). */
    void apply(int[] groupIds, FieldVector[] args, int rows) {
        if (groupColumn.getValueCapacity() < rows) { // reused across batches: every row below is set
            groupColumn.clear();
            groupColumn.allocateNew(Math.max(rows, 2 * groupColumn.getValueCapacity()));
        }
        for (int i = 0; i < rows; i++) {
            if (groupIds[i] >= 0) {
                groupColumn.set(i, groupIds[i]);
            } else {
                groupColumn.setNull(i);
            }
        }
        groupColumn.setValueCount(rows);
        System.arraycopy(args, 0, keys, 1, args.length);
        if (pairIds.length < rows) {
            pairIds = new int[rows];
        }
        int next = seen.size();
        seen.findOrInsert(keys, rows, pairIds);
        for (int i = 0; i < rows; i++) {
            int id = pairIds[i];
            if (id == next) {
                next++; // first occurrence: ids of new pairs are handed out in row order
            } else {
                groupIds[i] = -1;
            }
        }
        Arrays.fill(keys, 1, keys.length, null);
    }

    /** Writes the pairs seen so far, in id order, for a checkpoint. */
    void snapshot(StateWriter out) throws IOException {
        int n = seen.size();
        out.writeInt(n);
        List<FieldVector> stored = new ArrayList<>(keys.length);
        for (int c = 0; c < keys.length; c++) {
            stored.add(seen.keyVector(c));
        }
        out.writeColumns(pairType, stored, n);
    }

    /** Restores what {@link #snapshot} wrote into this (empty) filter. */
    void restore(StateReader in) throws IOException {
        int n = in.readInt();
        try (RowBatch pairs = in.readBatch(pairType, groupColumn.getAllocator())) {
            FieldVector[] columns = new FieldVector[keys.length];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = pairs.vector(c);
            }
            int[] ids = new int[n];
            seen.findOrInsert(columns, n, ids);
            for (int i = 0; i < n; i++) {
                if (ids[i] != i) {
                    throw new IOException("state snapshot: the DISTINCT pairs are not distinct");
                }
            }
        }
    }

    /**
     * Adds the pairs of another instance's snapshot (restored at another parallelism) whose group {@code g} is kept
     * there as group {@code target[g]} (left out when that is negative).
     */
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        int n = in.readInt();
        try (RowBatch pairs = in.readBatch(pairType, groupColumn.getAllocator())) {
            IntVector stored = (IntVector) pairs.vector(0);
            int[] rows = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int g = stored.isNull(i) ? -1 : stored.get(i);
                if (g >= 0 && g < target.length && target[g] >= 0) {
                    rows[m++] = i;
                }
            }
            if (m == 0) {
                return;
            }
            try (RowBatch kept = io.sluice.runtime.operator.sort.VectorGather.gatherRows(pairs, rows, 0, m,
                    groupColumn.getAllocator())) {
                IntVector groups = (IntVector) kept.vector(0);
                for (int i = 0; i < m; i++) {
                    groups.set(i, target[groups.get(i)]);
                }
                FieldVector[] columns = new FieldVector[keys.length];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = kept.vector(c);
                }
                int before = seen.size();
                int[] ids = new int[m];
                seen.findOrInsert(columns, m, ids);
                for (int i = 0; i < m; i++) {
                    if (ids[i] != before + i) {
                        throw new IOException("state snapshot: the DISTINCT pairs are not distinct");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        seen.close();
        groupColumn.close();
    }
}
