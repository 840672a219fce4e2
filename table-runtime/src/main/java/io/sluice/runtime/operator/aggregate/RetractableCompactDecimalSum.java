package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, SUM0 and AVG over a DECIMAL of precision at most 18 under retraction: per group a {@code long} of unscaled
 * values, a count, and a {@code BigInteger} overflow part that exists only for a group whose {@code long}
 * overflowed. A group whose values were all retracted starts over with an empty sum (NULL SUM, 0 for SUM0), as
 * in Flink; a result with more digits than the result type allows is NULL.
 */
final class RetractableCompactDecimalSum extends RetractableAccumulator {
    private final AggregateKind kind;
    private final int scale;
    private long[] sums = new long[0];
    private long[] counts = new long[0];
    private BigInteger[] overflow = new BigInteger[0];

    /**
     * A local phase of two-phase aggregation sees retractions of rows it never saw added: a count of zero does not
     * mean a sum of zero there.
     */
    private boolean countZeroMeansSumZero = true;

    /** {@code scale}: the input DECIMAL's scale (its precision must be at most 18). */
    RetractableCompactDecimalSum(AggregateKind kind, int scale) {
        this.kind = kind;
        this.scale = scale;
    }

    @Override
    void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int n = Accumulator.newCapacity(sums.length, groups);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            overflow = Arrays.copyOf(overflow, n);
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        CompactDecimals.add(sums, overflow, group, CompactDecimals.unscaled(arg.getDataBuffer(), row));
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        long v = CompactDecimals.unscaled(arg.getDataBuffer(), row);
        long c = --counts[group];
        if (c == 0 && countZeroMeansSumZero) {
            // every value added was taken back: the sum is exactly zero, whatever overflowed on the way
            sums[group] = 0L;
            overflow[group] = null;
            return;
        }
        // |v| < 10^18, so -v cannot overflow and adding it overflows exactly when subtracting v would
        CompactDecimals.add(sums, overflow, group, -v);
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        long count = counts[group];
        VectorValues.setNull(out, pos);
        if (count == 0) {
            if (kind == AggregateKind.SUM0) {
                Values.writeLong(out, pos, 0L);
            }
            return;
        }
        if (kind == AggregateKind.AVG) {
            CompactDecimals.writeAverage(out, pos, overflow[group], sums[group], count, scale);
        } else {
            CompactDecimals.writeSum(out, pos, overflow[group], sums[group], scale);
        }
    }

    /** For the local phase of two-phase aggregation: the sum is kept exact when the count passes zero. */
    RetractableCompactDecimalSum forLocalPhase() {
        countZeroMeansSumZero = false;
        return this;
    }

    /** The partial sum is a DECIMAL(38, s) holding the exact sum (its overflow part included). */
    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        BigInteger unscaled = CompactDecimals.plus(overflow[group], sums[group]);
        VectorValues.setNull(out[0], pos);
        Values.writeDecimal((org.apache.arrow.vector.DecimalVector) out[0], pos,
                new java.math.BigDecimal(unscaled, scale));
        Values.writeLong(out[1], pos, counts[group]);
    }

    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        long c = counts[group] + ((org.apache.arrow.vector.BigIntVector) in[1]).get(row);
        counts[group] = c;
        if (c == 0) {
            // every value added was taken back: the sum is exactly zero
            sums[group] = 0L;
            overflow[group] = null;
            return;
        }
        if (in[0].isNull(row)) {
            return;
        }
        BigInteger v = ((org.apache.arrow.vector.DecimalVector) in[0]).getObject(row).setScale(scale)
                .unscaledValue();
        if (v.bitLength() < 64) {
            CompactDecimals.add(sums, overflow, group, v.longValue());
        } else {
            overflow[group] = overflow[group] == null ? v : overflow[group].add(v);
        }
    }

    @Override
    void clear(int group) {
        sums[group] = 0L;
        counts[group] = 0;
        overflow[group] = null;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(sums, groups);
        out.writeLongs(counts, groups);
        CompactDecimalSumAccumulator.writeOverflow(out, overflow, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        sums = in.readLongs();
        counts = in.readLongs();
        overflow = CompactDecimalSumAccumulator.readOverflow(in, sums.length);
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        long[] restoredSums = in.readLongs();
        StateRemap.copy(restoredSums, target, sums);
        StateRemap.copy(in.readLongs(), target, counts);
        StateRemap.copy(CompactDecimalSumAccumulator.readOverflow(in, restoredSums.length), target, overflow);
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeLong(sums[group]);
        out.writeLong(counts[group]);
        out.writeBoolean(overflow[group] != null);
        if (overflow[group] != null) {
            out.writeString(overflow[group].toString());
        }
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        sums[group] = in.readLong();
        counts[group] = in.readLong();
        overflow[group] = in.readBoolean() ? new BigInteger(in.readString()) : null;
    }
}
