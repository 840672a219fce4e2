package io.sluice.runtime.operator.keys;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Checkpointing of a {@link KeyHashTable}'s keys, for operators that number their state by key id: the
 * stored keys are written as columns in id order, and a restore inserts them into an empty table so that
 * every key gets back its old id. Only the keys are written; the count is the caller's to save.
 */
public final class KeyTableState {
    private KeyTableState() {
    }

    /** Writes the keys of ids {@code 0 .. count-1} of {@code table} as columns of {@code keyType}. */
    public static void write(StateWriter out, KeyHashTable table, RowType keyType, int count) throws IOException {
        List<FieldVector> stored = new ArrayList<>(keyType.size());
        for (int c = 0; c < keyType.size(); c++) {
            stored.add(table.keyVector(c));
        }
        out.writeColumns(keyType, stored, count);
    }

    /**
     * Freezes the keys of ids {@code 0 .. count-1} of {@code table} for an asynchronous snapshot (the table only
     * appends keys, so slices of its key vectors stay as they are); {@link io.sluice.runtime.state.FrozenColumns#write}
     * writes what {@link #write} writes.
     */
    public static io.sluice.runtime.state.FrozenColumns freeze(KeyHashTable table, RowType keyType, int count) {
        List<FieldVector> stored = new ArrayList<>(keyType.size());
        for (int c = 0; c < keyType.size(); c++) {
            stored.add(table.keyVector(c));
        }
        return io.sluice.runtime.state.FrozenColumns.of(keyType, stored, count);
    }

    /**
     * Reads {@code count} keys {@link #write} wrote and inserts them into {@code table} (empty), each at
     * its saved id; throws {@code IOException("state snapshot: the <what> are not distinct")} when a key
     * repeats.
     */
    public static void restore(StateReader in, KeyHashTable table, RowType keyType, int count,
            BufferAllocator allocator, String what) throws IOException {
        try (RowBatch stored = in.readBatch(keyType, allocator)) {
            int[] all = new int[keyType.size()];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            int[] ids = new int[count];
            table.findOrInsert(KeyHashTable.columnsOf(stored, all), count, ids);
            for (int i = 0; i < count; i++) {
                if (ids[i] != i) {
                    throw new IOException("state snapshot: the " + what + " are not distinct");
                }
            }
        }
    }

    /**
     * Reads {@code count} keys {@link #write} wrote on an instance of a run at another parallelism and inserts the
     * ones {@code owned} accepts into {@code table} (which may hold the keys of other such snapshots); returns, per
     * saved id, the key's id in {@code table}, or -1 for a key another instance owns now. {@code keyFields} are the
     * input columns ({@code input}) the key columns hold, in order. Throws
     * {@code IOException("state snapshot: the <what> are not distinct")} when a key was restored before.
     */
    public static int[] restoreOwned(StateReader in, KeyHashTable table, RowType keyType, int count,
            BufferAllocator allocator, KeyOwnership owned, int[] keyFields, int input, String what)
            throws IOException {
        try (RowBatch stored = in.readBatch(keyType, allocator)) {
            boolean[] mine = owned.ownedRows(stored, keyFields, input);
            int[] rows = new int[count];
            int m = 0;
            for (int r = 0; r < count; r++) {
                if (mine[r]) {
                    rows[m++] = r;
                }
            }
            int[] target = new int[count];
            java.util.Arrays.fill(target, -1);
            if (m == 0) {
                return target;
            }
            int before = table.size();
            try (RowBatch kept = VectorGather.gatherRows(stored, rows, 0, m, allocator)) {
                int[] all = new int[keyType.size()];
                for (int c = 0; c < all.length; c++) {
                    all[c] = c;
                }
                int[] ids = new int[m];
                table.findOrInsert(KeyHashTable.columnsOf(kept, all), m, ids);
                for (int i = 0; i < m; i++) {
                    if (ids[i] != before + i) {
                        throw new IOException("state snapshot: the " + what + " are not distinct");
                    }
                    target[rows[i]] = ids[i];
                }
            }
            return target;
        }
    }
}
