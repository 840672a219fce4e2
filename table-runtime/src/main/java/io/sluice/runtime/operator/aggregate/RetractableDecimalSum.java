package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, SUM0 and AVG over DECIMAL under retraction: an exact sum and a count per group. A result with
 * more digits than the result type allows is NULL, as in Flink.
 */
final class RetractableDecimalSum extends RetractableAccumulator {
    private final AggregateKind kind;
    private BigDecimal[] sums = new BigDecimal[0];
    private long[] counts = new long[0];

    RetractableDecimalSum(AggregateKind kind) {
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

    @Override
    void add(int group, FieldVector arg, int row) {
        BigDecimal v = ((DecimalVector) arg).getObject(row);
        sums[group] = sums[group] == null ? v : sums[group].add(v);
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        BigDecimal v = ((DecimalVector) arg).getObject(row);
        sums[group] = sums[group] == null ? v.negate() : sums[group].subtract(v);
        counts[group]--;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        long count = counts[group];
        io.sluice.runtime.data.VectorValues.setNull(out, pos);
        if (count == 0) {
            if (kind == AggregateKind.SUM0) {
                Values.writeLong(out, pos, 0L);
            }
            return;
        }
        BigDecimal sum = sums[group];
        if (kind == AggregateKind.AVG) {
            if (out instanceof DecimalVector) {
                sum = sum.divide(BigDecimal.valueOf(count), ((DecimalVector) out).getScale(), RoundingMode.HALF_UP);
            } else {
                Values.writeDouble(out, pos, sum.doubleValue() / count);
                return;
            }
        }
        if (out instanceof DecimalVector) {
            Values.writeDecimal((DecimalVector) out, pos, sum);
        } else {
            Values.writeDouble(out, pos, sum.doubleValue());
        }
    }

    /** The partial sum is a DECIMAL(38, s); a sum with more digits is written as NULL (and lost, as in Flink). */
    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        io.sluice.runtime.data.VectorValues.setNull(out[0], pos);
        if (sums[group] != null) {
            Values.writeDecimal((DecimalVector) out[0], pos, sums[group]);
        }
        Values.writeLong(out[1], pos, counts[group]);
    }

    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        if (!in[0].isNull(row)) {
            BigDecimal v = ((DecimalVector) in[0]).getObject(row);
            sums[group] = sums[group] == null ? v : sums[group].add(v);
        }
        counts[group] += ((org.apache.arrow.vector.BigIntVector) in[1]).get(row);
    }

    @Override
    void clear(int group) {
        sums[group] = null;
        counts[group] = 0;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(counts, groups);
        for (int g = 0; g < groups; g++) {
            out.writeBoolean(sums[g] != null);
            if (sums[g] != null) {
                out.writeString(sums[g].toString());
            }
        }
    }

    @Override
    void restore(StateReader in) throws IOException {
        counts = in.readLongs();
        sums = new BigDecimal[counts.length];
        for (int g = 0; g < sums.length; g++) {
            if (in.readBoolean()) {
                sums[g] = new BigDecimal(in.readString());
            }
        }
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        long[] restoredCounts = in.readLongs();
        StateRemap.copy(restoredCounts, target, counts);
        for (int g = 0; g < restoredCounts.length; g++) {
            BigDecimal sum = in.readBoolean() ? new BigDecimal(in.readString()) : null;
            if (g < target.length && target[g] >= 0) {
                sums[target[g]] = sum;
            }
        }
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeLong(counts[group]);
        out.writeBoolean(sums[group] != null);
        if (sums[group] != null) {
            out.writeString(sums[group].toString());
        }
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        counts[group] = in.readLong();
        sums[group] = in.readBoolean() ? new BigDecimal(in.readString()) : null;
    }
}
