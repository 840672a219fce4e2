package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;

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
