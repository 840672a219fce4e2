package io.sluice.runtime.operator.aggregate;

import java.io.IOException;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/** SUM, SUM0 and AVG over FLOAT / DOUBLE under retraction: a double sum and a count per group. */
final class RetractableDoubleSum extends RetractableAccumulator {
    private final AggregateKind kind;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    RetractableDoubleSum(AggregateKind kind) {
        this.kind = kind;
    }

    @Override
    void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int n = Accumulator.newCapacity(sums.length, groups);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    private static double read(FieldVector arg, int row) {
        return arg instanceof Float8Vector ? ((Float8Vector) arg).get(row) : ((Float4Vector) arg).get(row);
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        sums[group] += read(arg, row);
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        sums[group] -= read(arg, row);
        counts[group]--;
    }

    /** A value, or an explicit NULL (except into a DECIMAL result, which an overflow leaves as it was). */
    @Override
    boolean writesEverySlot() {
        return true;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        long count = counts[group];
        if (count == 0) {
            if (kind == AggregateKind.SUM0) {
                Values.writeDouble(out, pos, 0.0);
            } else {
                io.sluice.runtime.data.VectorValues.setNull(out, pos);
            }
            return;
        }
        Values.writeDouble(out, pos, kind == AggregateKind.AVG ? sums[group] / count : sums[group]);
    }

    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        Values.writeDouble(out[0], pos, sums[group]);
        Values.writeLong(out[1], pos, counts[group]);
    }

    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        sums[group] += ((org.apache.arrow.vector.Float8Vector) in[0]).get(row);
        counts[group] += ((org.apache.arrow.vector.BigIntVector) in[1]).get(row);
    }

    @Override
    void clear(int group) {
        sums[group] = 0;
        counts[group] = 0;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeDoubles(sums, groups);
        out.writeLongs(counts, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        sums = in.readDoubles();
        counts = in.readLongs();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readDoubles(), target, sums);
        StateRemap.copy(in.readLongs(), target, counts);
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeDouble(sums[group]);
        out.writeLong(counts[group]);
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        sums[group] = in.readDouble();
        counts[group] = in.readLong();
    }
}
