package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM, SUM0 and AVG over a DECIMAL of precision at most 18: each group's sum is a {@code long} of unscaled
 * values (the low 8 bytes of each 16-byte Arrow slot). When an addition overflows the {@code long}, the group's
 * running sum moves into a {@code BigInteger} overflow part for that group only, and the {@code long} restarts
 * at zero; the result is the overflow part plus the {@code long}. SUM's result is DECIMAL(38, s) (NULL past 38
 * digits); AVG divides at the result type's scale, rounding HALF_UP.
 */
final class CompactDecimalSumAccumulator extends Accumulator {
    private final AggregateKind kind;
    private final int scale;
    private long[] sums = new long[0];
    private long[] counts = new long[0];
    /** Per group, the part of the sum that no longer fits {@link #sums}; null for almost every group. */
    private BigInteger[] overflow = new BigInteger[0];

    /** {@code scale}: the input DECIMAL's scale (its precision must be at most 18). */
    CompactDecimalSumAccumulator(AggregateKind kind, int scale) {
        this.kind = kind;
        this.scale = scale;
    }

    @Override
    void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int n = newCapacity(sums.length, groups);
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            overflow = Arrays.copyOf(overflow, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf data = arg.getDataBuffer();
        long[] s = sums;
        long[] c = counts;
        BigInteger[] o = overflow;
        if (arg.getNullCount() == 0) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (g >= 0) {
                    CompactDecimals.add(s, o, g, CompactDecimals.unscaled(data, i));
                    c[g]++;
                }
            }
            return;
        }
        ArrowBuf validity = arg.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g >= 0 && !Values.isNull(validity, i)) {
                CompactDecimals.add(s, o, g, CompactDecimals.unscaled(data, i));
                c[g]++;
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
            if (kind == AggregateKind.AVG) {
                CompactDecimals.writeAverage(out, i, overflow[g], sums[g], counts[g], scale);
            } else {
                CompactDecimals.writeSum(out, i, overflow[g], sums[g], scale);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(sums, groups);
        out.writeLongs(counts, groups);
        writeOverflow(out, overflow, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        sums = in.readLongs();
        counts = in.readLongs();
        overflow = readOverflow(in, sums.length);
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        long[] restoredSums = in.readLongs();
        StateRemap.copy(restoredSums, target, sums);
        StateRemap.copy(in.readLongs(), target, counts);
        StateRemap.copy(readOverflow(in, restoredSums.length), target, overflow);
    }

    /** Writes the non-null overflow parts as (group, decimal string) pairs after their count. */
    static void writeOverflow(StateWriter out, BigInteger[] overflow, int groups) throws IOException {
        int n = 0;
        for (int g = 0; g < groups; g++) {
            n += overflow[g] != null ? 1 : 0;
        }
        out.writeInt(n);
        for (int g = 0; g < groups; g++) {
            if (overflow[g] != null) {
                out.writeInt(g);
                out.writeString(overflow[g].toString());
            }
        }
    }

    /** Reads what {@link #writeOverflow} wrote, into an array of {@code groups} entries. */
    static BigInteger[] readOverflow(StateReader in, int groups) throws IOException {
        BigInteger[] result = new BigInteger[groups];
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            int g = in.readInt();
            result[g] = new BigInteger(in.readString());
        }
        return result;
    }
}
