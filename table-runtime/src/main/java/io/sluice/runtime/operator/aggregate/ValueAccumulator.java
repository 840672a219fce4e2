package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * SINGLE_VALUE and ANY_VALUE over any type. The chosen value of each group is copied, once, into a
 * vector owned by the accumulator, appended in arrival order (variable-width vectors can only be
 * written in order); {@code slots[g]} remembers where. SINGLE_VALUE counts every row (NULLs too) and fails on a group's
 * second row; ANY_VALUE keeps the first non-NULL value.
 */
final class ValueAccumulator extends Accumulator {
    private final boolean single;
    private final FieldVector store;
    /** The type of {@link #store}'s single column, for snapshots; null when there is no store. */
    private final RowType storeType;
    private long[] counts = new long[0];
    private int[] slots = new int[0];
    private int stored;

    ValueAccumulator(boolean single, LogicalType argType, BufferAllocator allocator) {
        this.single = single;
        this.store = argType.root() == io.sluice.runtime.types.TypeRoot.NULL ? null
                : ArrowTypes.toField("value", argType.copy(true)).createVector(allocator);
        this.storeType = store == null ? null : new RowType(List.of("value"), List.of(argType.copy(true)));
        if (store != null) {
            store.allocateNew();
        }
    }

    @Override
    void ensureCapacity(int groups) {
        if (counts.length < groups) {
            int n = newCapacity(counts.length, groups);
            counts = Arrays.copyOf(counts, n);
            slots = Arrays.copyOf(slots, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        boolean allNull = arg instanceof NullVector;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0) {
                continue;
            }
            if (single) {
                if (++counts[g] > 1) {
                    throw new TableException("Scalar subquery returned more than one row "
                            + "(SINGLE_VALUE received a second value for one group)");
                }
                if (store != null) {
                    keep(arg, i, g);
                }
            } else if (counts[g] == 0 && !allNull && !arg.isNull(i)) {
                counts[g] = 1;
                keep(arg, i, g);
            }
        }
    }

    private void keep(FieldVector arg, int row, int group) {
        store.copyFromSafe(row, stored, arg);
        slots[group] = stored++;
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        if (store == null) {
            return;
        }
        store.setValueCount(stored);
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (counts[g] > 0) {
                out.copyFromSafe(slots[g], i, store);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(counts, groups);
        out.writeInts(slots, groups);
        out.writeInt(stored);
        if (store != null) {
            store.setValueCount(stored);
            out.writeColumns(storeType, List.of(store), stored);
        }
    }

    @Override
    void restore(StateReader in) throws IOException {
        counts = in.readLongs();
        slots = in.readInts();
        int n = in.readInt();
        if (store != null) {
            try (RowBatch values = in.readBatch(storeType, store.getAllocator())) {
                FieldVector from = values.vector(0);
                for (int i = 0; i < n; i++) {
                    store.copyFromSafe(i, i, from); // appended in order, as keep() does
                }
            }
        }
        stored = n;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
