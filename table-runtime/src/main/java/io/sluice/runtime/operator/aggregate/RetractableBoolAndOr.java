package io.sluice.runtime.operator.aggregate;

import java.io.IOException;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.data.VectorValues;
import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** EVERY / SOME (BOOL_AND / BOOL_OR) under retraction: counts of TRUE and of all non-NULL values per group. */
final class RetractableBoolAndOr extends RetractableAccumulator {
    private final boolean and;
    private long[] trues = new long[0];
    private long[] counts = new long[0];

    RetractableBoolAndOr(boolean and) {
        this.and = and;
    }

    @Override
    void ensureCapacity(int groups) {
        if (counts.length < groups) {
            int n = Accumulator.newCapacity(counts.length, groups);
            trues = Arrays.copyOf(trues, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        trues[group] += ((BitVector) arg).get(row);
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        trues[group] -= ((BitVector) arg).get(row);
        counts[group]--;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        if (counts[group] <= 0) {
            VectorValues.setNull(out, pos);
        } else {
            ((BitVector) out).set(pos, (and ? trues[group] == counts[group] : trues[group] > 0) ? 1 : 0);
        }
    }

    @Override
    void clear(int group) {
        trues[group] = 0;
        counts[group] = 0;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(trues, groups);
        out.writeLongs(counts, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        trues = in.readLongs();
        counts = in.readLongs();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, trues);
        StateRemap.copy(in.readLongs(), target, counts);
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeLong(trues[group]);
        out.writeLong(counts[group]);
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        trues[group] = in.readLong();
        counts[group] = in.readLong();
    }
}
