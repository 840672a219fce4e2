package io.sluice.runtime.operator.keys;

import io.sluice.runtime.data.RowBatch;
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
}
