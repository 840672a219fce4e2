package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** SUM, SUM0 and AVG over FLOAT and DOUBLE, summed in a {@code double}. */
final class DoubleSumAccumulator extends Accumulator {
    private final AggregateKind kind;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleSumAccumulator(AggregateKind kind) {
        this.kind = kind;
    }

    @Override
    void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int n = newCapacity(sums.length, groups);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf data = arg.getDataBuffer();
        double[] s = sums;
        long[] c = counts;
        if (Values.width(arg) == 4) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (g >= 0 && !Values.isNull(validity, i)) {
                    s[g] += data.getFloat((long) i << 2);
                    c[g]++;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (g >= 0 && !Values.isNull(validity, i)) {
                    s[g] += data.getDouble((long) i << 3);
                    c[g]++;
                }
            }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (counts[g] == 0) {
                if (kind == AggregateKind.SUM0) {
                    Values.writeDouble(out, i, 0.0d);
                }
            } else {
                Values.writeDouble(out, i, kind == AggregateKind.AVG ? sums[g] / counts[g] : sums[g]);
            }
        }
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
}
