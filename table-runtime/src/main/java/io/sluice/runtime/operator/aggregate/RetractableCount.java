package io.sluice.runtime.operator.aggregate;

import java.io.IOException;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** COUNT under retraction: a counter per group. */
final class RetractableCount extends RetractableAccumulator {
    private long[] counts = new long[0];

    @Override
    void ensureCapacity(int groups) {
        if (counts.length < groups) {
            counts = Arrays.copyOf(counts, Accumulator.newCapacity(counts.length, groups));
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        counts[group]--;
    }

    /** A value, or an explicit NULL. */
    @Override
    boolean writesEverySlot() {
        return true;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        Values.writeLong(out, pos, counts[group]);
    }

    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        Values.writeLong(out[0], pos, counts[group]);
    }

    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        counts[group] += ((org.apache.arrow.vector.BigIntVector) in[0]).get(row);
    }

    @Override
    void clear(int group) {
        counts[group] = 0;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(counts, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        counts = in.readLongs();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, counts);
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeLong(counts[group]);
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        counts[group] = in.readLong();
    }
}
