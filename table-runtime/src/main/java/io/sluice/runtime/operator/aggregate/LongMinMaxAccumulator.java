package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN and MAX over values held as integers: TINYINT .. BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ,
 * the interval types, and BOOLEAN (FALSE &lt; TRUE).
 */
final class LongMinMaxAccumulator extends Accumulator {
    /**
     * Values are kept as {@code x ^ flip}: {@code flip} is all ones for MIN, and bitwise NOT reverses
     * the order of two's complement longs, so both MIN and MAX become a branch-free maximum.
     */
    private final long flip;
    private long[] values = new long[0];
    private boolean[] present = new boolean[0];

    LongMinMaxAccumulator(boolean min) {
        this.flip = min ? -1L : 0L;
    }

    @Override
    void ensureCapacity(int groups) {
        if (values.length < groups) {
            int old = values.length;
            int n = newCapacity(old, groups);
            values = Arrays.copyOf(values, n);
            Arrays.fill(values, old, n, Long.MIN_VALUE);
            present = Arrays.copyOf(present, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf data = arg.getDataBuffer();
        long f = flip;
        long[] v = values;
        boolean[] p = present;
        // one loop per width, so that no row pays for the type dispatch
        int width = arg instanceof BitVector ? 0 : Values.width(arg);
        switch (width) {
            case 8:
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        v[g] = Math.max(v[g], data.getLong((long) i << 3) ^ f);
                        p[g] = true;
                    }
                }
                break;
            case 4:
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        v[g] = Math.max(v[g], data.getInt((long) i << 2) ^ f);
                        p[g] = true;
                    }
                }
                break;
            default:
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    if (g >= 0 && !Values.isNull(validity, i)) {
                        long x = width == 0 ? BitVectorHelper.get(data, i) : Values.readLong(data, width, i);
                        v[g] = Math.max(v[g], x ^ f);
                        p[g] = true;
                    }
                }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (present[g]) {
                Values.writeLong(out, i, values[g] ^ flip);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(values, groups);
        out.writeBooleans(present, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        values = in.readLongs(); // ensureCapacity fills the slots of later groups with the neutral value
        present = in.readBooleans();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, values);
        StateRemap.copy(in.readBooleans(), target, present);
    }
}
