package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** MIN and MAX over DECIMAL, comparing the 128-bit unscaled values (one scale per column). */
final class DecimalMinMaxAccumulator extends Accumulator {
    private final boolean min;
    private final int inputScale;
    private long[] lo = new long[0];
    private long[] hi = new long[0];
    private boolean[] present = new boolean[0];

    DecimalMinMaxAccumulator(boolean min, int inputScale) {
        this.min = min;
        this.inputScale = inputScale;
    }

    @Override
    void ensureCapacity(int groups) {
        if (lo.length < groups) {
            int n = newCapacity(lo.length, groups);
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
            present = Arrays.copyOf(present, n);
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
            long xLo = data.getLong(off);
            long xHi = data.getLong(off + 8);
            if (!present[g]) {
                present[g] = true;
            } else {
                int c = xHi != hi[g] ? Long.compare(xHi, hi[g]) : Long.compareUnsigned(xLo, lo[g]);
                if (min ? c >= 0 : c <= 0) {
                    continue;
                }
            }
            lo[g] = xLo;
            hi[g] = xHi;
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (present[g]) {
                Values.writeDecimal((DecimalVector) out, i,
                        new BigDecimal(Values.toBigInteger(hi[g], lo[g]), inputScale));
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(lo, groups);
        out.writeLongs(hi, groups);
        out.writeBooleans(present, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        lo = in.readLongs();
        hi = in.readLongs();
        present = in.readBooleans();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, lo);
        StateRemap.copy(in.readLongs(), target, hi);
        StateRemap.copy(in.readBooleans(), target, present);
    }
}
