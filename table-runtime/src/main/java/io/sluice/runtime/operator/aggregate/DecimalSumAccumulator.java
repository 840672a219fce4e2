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
 * SUM, SUM0 and AVG over DECIMAL: the unscaled values are added as 128-bit integers (two longs per
 * group, no object per row). A sum that overflows 128 bits, or does not fit the result type, is NULL
 * (Flink's decimal overflow behaviour). AVG divides at the result type's scale, rounding HALF_UP.
 */
final class DecimalSumAccumulator extends Accumulator {
    private final AggregateKind kind;
    private final int inputScale;
    private long[] lo = new long[0];
    private long[] hi = new long[0];
    private long[] counts = new long[0];
    private boolean[] overflow = new boolean[0];

    DecimalSumAccumulator(AggregateKind kind, int inputScale) {
        this.kind = kind;
        this.inputScale = inputScale;
    }

    @Override
    void ensureCapacity(int groups) {
        if (lo.length < groups) {
            int n = newCapacity(lo.length, groups);
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
            counts = Arrays.copyOf(counts, n);
            overflow = Arrays.copyOf(overflow, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf data = arg.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0 || Values.isNull(validity, i)) {
                continue;
            }
            long off = (long) i * DecimalVector.TYPE_WIDTH;
            long vLo = data.getLong(off);
            long vHi = data.getLong(off + 8);
            long aLo = lo[g];
            long aHi = hi[g];
            long sLo = aLo + vLo;
            long carry = Long.compareUnsigned(sLo, aLo) < 0 ? 1L : 0L;
            long sHi1 = aHi + vHi;
            boolean ovf1 = ((aHi ^ sHi1) & (vHi ^ sHi1)) < 0;
            boolean ovf2 = carry == 1L && sHi1 == Long.MAX_VALUE;
            if (ovf1 ^ ovf2) {
                overflow[g] = true;
            }
            lo[g] = sLo;
            hi[g] = sHi1 + carry;
            counts[g]++;
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
            if (overflow[g]) {
                continue;
            }
            BigDecimal sum = new BigDecimal(Values.toBigInteger(hi[g], lo[g]), inputScale);
            if (kind == AggregateKind.AVG) {
                int scale = out instanceof DecimalVector ? ((DecimalVector) out).getScale() : Math.max(inputScale, 16);
                BigDecimal avg = sum.divide(BigDecimal.valueOf(counts[g]), scale, RoundingMode.HALF_UP);
                writeValue(out, i, avg);
            } else {
                writeValue(out, i, sum);
            }
        }
    }

    private static void writeValue(FieldVector out, int i, BigDecimal v) {
        if (out instanceof DecimalVector) {
            Values.writeDecimal((DecimalVector) out, i, v);
        } else {
            Values.writeDouble(out, i, v.doubleValue());
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(lo, groups);
        out.writeLongs(hi, groups);
        out.writeLongs(counts, groups);
        out.writeBooleans(overflow, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        lo = in.readLongs();
        hi = in.readLongs();
        counts = in.readLongs();
        overflow = in.readBooleans();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, lo);
        StateRemap.copy(in.readLongs(), target, hi);
        StateRemap.copy(in.readLongs(), target, counts);
        StateRemap.copy(in.readBooleans(), target, overflow);
    }
}
