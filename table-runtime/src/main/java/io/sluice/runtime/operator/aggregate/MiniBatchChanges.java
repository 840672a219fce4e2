package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorSlots;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The groups one mini-batch touches, in the order it first touches them, each with its result row from before
 * the mini-batch (key and aggregate values, in a batch of the aggregate's output type) and whether the group
 * held state then. From these and the groups' state afterwards the operator emits one net change per group.
 */
final class MiniBatchChanges implements AutoCloseable {
    /** Per group id: its slot in the current mini-batch, or -1. */
    private int[] slotOfGroup = new int[0];
    private int[] groupOfSlot = new int[0];
    private boolean[] liveBefore = new boolean[0];
    private int slots;
    private RowBatch before;

    /** Starts a mini-batch of at most {@code rows} rows over groups with ids below {@code groupCount}. */
    void begin(RowType outputType, BufferAllocator allocator, int rows, int groupCount) {
        if (slotOfGroup.length < groupCount) {
            int old = slotOfGroup.length;
            slotOfGroup = Arrays.copyOf(slotOfGroup, Accumulator.newCapacity(old, groupCount));
            Arrays.fill(slotOfGroup, old, slotOfGroup.length, -1);
        }
        if (groupOfSlot.length < rows) {
            groupOfSlot = new int[rows];
            liveBefore = new boolean[rows];
        }
        before = RowBatch.allocate(outputType, allocator, rows);
    }

    /** True when group {@code g} was already touched in this mini-batch. */
    boolean isTouched(int g) {
        return slotOfGroup[g] >= 0;
    }

    /** Records group {@code g}'s first touch; returns its slot, the row of {@link #before()} to write its old result to. */
    int touch(int g, boolean live) {
        int slot = slots++;
        slotOfGroup[g] = slot;
        groupOfSlot[slot] = g;
        liveBefore[slot] = live;
        return slot;
    }

    /** Number of groups touched. */
    int size() {
        return slots;
    }

    int group(int slot) {
        return groupOfSlot[slot];
    }

    /** Whether the group of {@code slot} held state (had a result) before the mini-batch. */
    boolean wasLive(int slot) {
        return liveBefore[slot];
    }

    /** Row {@code slot} holds the key of the group of that slot and, when it {@link #wasLive}, its old results. */
    RowBatch before() {
        return before;
    }

    /** The groups' state after the mini-batch, as {@link #emit} reads it. */
    interface GroupResults {
        /** Whether group {@code g} holds state (has a result) now. */
        boolean isLive(int g);

        /** Writes group {@code g}'s aggregate results into row {@code pos} of {@code out}, after the key columns. */
        void writeResults(int g, RowBatch out, int pos);
    }

    /**
     * Emits to {@code output}, per group the mini-batch touched and in the order it touched them, the net change:
     * {@code +I} for a new group, {@code -D} for an emptied one, a {@code -U/+U} pair for a changed result, nothing
     * otherwise. Rows have {@code keyCount} key columns followed by the results.
     */
    void emit(RowType outputType, int keyCount, BufferAllocator allocator, GroupResults groups, Output output)
            throws Exception {
        int n = slots;
        RowBatch out = RowBatch.allocate(outputType, allocator, 2 * n);
        TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
        out.setRowKinds(kinds);
        kinds.allocateNew(2 * n);
        int pos = 0;
        try {
            for (int t = 0; t < n; t++) {
                int g = groupOfSlot[t];
                boolean liveNow = groups.isLive(g);
                if (liveBefore[t]) {
                    copyColumns(outputType, before, t, out, pos, outputType.size());
                    if (!liveNow) {
                        kinds.set(pos++, RowKind.DELETE.toByteValue());
                        continue;
                    }
                    copyColumns(outputType, before, t, out, pos + 1, keyCount);
                    groups.writeResults(g, out, pos + 1);
                    if (!resultsEqual(out, keyCount, pos, pos + 1)) {
                        kinds.set(pos++, RowKind.UPDATE_BEFORE.toByteValue());
                        kinds.set(pos++, RowKind.UPDATE_AFTER.toByteValue());
                    }
                } else if (liveNow) {
                    copyColumns(outputType, before, t, out, pos, keyCount);
                    groups.writeResults(g, out, pos);
                    kinds.set(pos++, RowKind.INSERT.toByteValue());
                }
            }
        } catch (Throwable e) {
            out.close();
            throw e;
        }
        if (pos == 0) {
            out.close();
            return;
        }
        out.setRowCount(pos);
        kinds.setValueCount(pos);
        output.emit(out);
    }

    /** Copies the first {@code columns} columns of row {@code from} of {@code source} to row {@code to} of {@code out}. */
    private static void copyColumns(RowType type, RowBatch source, int from, RowBatch out, int to, int columns) {
        for (int c = 0; c < columns; c++) {
            if (type.type(c).root() != TypeRoot.NULL) {
                out.vector(c).copyFromSafe(from, to, source.vector(c));
            }
        }
    }

    private static boolean resultsEqual(RowBatch out, int keyCount, int a, int b) {
        for (int c = keyCount; c < out.columnCount(); c++) {
            if (!VectorSlots.equal(out.vector(c), a, out.vector(c), b)) {
                return false;
            }
        }
        return true;
    }

    /** Ends the mini-batch: forgets the touched groups and frees the old results. */
    void reset() {
        for (int s = 0; s < slots; s++) {
            slotOfGroup[groupOfSlot[s]] = -1;
        }
        slots = 0;
        if (before != null) {
            before.close();
            before = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
