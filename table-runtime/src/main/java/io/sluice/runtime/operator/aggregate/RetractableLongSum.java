package io.sluice.runtime.operator.aggregate;

import java.io.IOException;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, SUM0 and AVG over TINYINT .. BIGINT under retraction: a wrapping {@code long} sum and a count
 * of non-NULL values per group (a group whose values were all retracted has a NULL SUM, as in Flink).
 */
final class RetractableLongSum extends RetractableAccumulator {
    private final AggregateKind kind;
    private long[] sums = new long[0];
    private long[] counts = new long[0];

    RetractableLongSum(AggregateKind kind) {
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
        sums[group] += Values.readLong(arg.getDataBuffer(), Values.width(arg), row);
        counts[group]++;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        sums[group] -= Values.readLong(arg.getDataBuffer(), Values.width(arg), row);
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
                Values.writeLong(out, pos, 0L);
            } else {
                io.sluice.runtime.data.VectorValues.setNull(out, pos);
            }
            return;
        }
        long sum = sums[group];
        if (kind != AggregateKind.AVG) {
            Values.writeLong(out, pos, sum);
            return;
        }
        switch (out.getMinorType()) {
            case FLOAT4:
            case FLOAT8:
                Values.writeDouble(out, pos, (double) sum / count);
                break;
            case DECIMAL:
                DecimalVector d = (DecimalVector) out;
                Values.writeDecimal(d, pos, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), d.getScale(),
                        RoundingMode.HALF_UP));
                break;
            default:
                Values.writeLong(out, pos, sum / count);
        }
    }

    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        Values.writeLong(out[0], pos, sums[group]);
        Values.writeLong(out[1], pos, counts[group]);
    }

    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        sums[group] += ((org.apache.arrow.vector.BigIntVector) in[0]).get(row);
        counts[group] += ((org.apache.arrow.vector.BigIntVector) in[1]).get(row);
    }

    @Override
    void clear(int group) {
        sums[group] = 0;
        counts[group] = 0;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(sums, groups);
        out.writeLongs(counts, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        sums = in.readLongs();
        counts = in.readLongs();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, sums);
        StateRemap.copy(in.readLongs(), target, counts);
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeLong(sums[group]);
        out.writeLong(counts[group]);
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        sums[group] = in.readLong();
        counts[group] = in.readLong();
    }
}
