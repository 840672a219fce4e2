package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, SUM0 and AVG over TINYINT .. BIGINT, summed in a {@code long} (wrapping on overflow, as Java
 * and Flink do). AVG of integers is the truncated integer quotient when the result type is integral,
 * and the exact quotient for a DOUBLE or DECIMAL result type.
 */
final class LongSumAccumulator extends Accumulator {
    private final AggregateKind kind;
    private long[] sums = new long[0];
    private long[] counts = new long[0];

    LongSumAccumulator(AggregateKind kind) {
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
        long[] s = sums;
        long[] c = counts;
        // one loop per width, so that no row pays for the type dispatch
        switch (Values.width(arg)) {
            case 8:
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        s[g] += data.getLong((long) i << 3);
                        c[g]++;
                    }
                }
                break;
            case 4:
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        s[g] += data.getInt((long) i << 2);
                        c[g]++;
                    }
                }
                break;
            default:
                int width = Values.width(arg);
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        s[g] += Values.readLong(data, width, i);
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
                    Values.writeLong(out, i, 0L);
                }
                continue;
            }
            if (kind != AggregateKind.AVG) {
                Values.writeLong(out, i, sums[g]);
                continue;
            }
            switch (out.getMinorType()) {
                case FLOAT4:
                case FLOAT8:
                    Values.writeDouble(out, i, (double) sums[g] / counts[g]);
                    break;
                case DECIMAL:
                    DecimalVector d = (DecimalVector) out;
                    Values.writeDecimal(d, i, BigDecimal.valueOf(sums[g])
                            .divide(BigDecimal.valueOf(counts[g]), d.getScale(), RoundingMode.HALF_UP));
                    break;
                default:
                    Values.writeLong(out, i, sums[g] / counts[g]);
            }
        }
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
}
