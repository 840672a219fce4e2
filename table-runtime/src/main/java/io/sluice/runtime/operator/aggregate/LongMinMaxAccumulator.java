package io.sluice.runtime.operator.aggregate;

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
    private final boolean min;
    private long[] values = new long[0];
    private boolean[] present = new boolean[0];

    LongMinMaxAccumulator(boolean min) {
        this.min = min;
    }

    @Override
    void ensureCapacity(int groups) {
        if (values.length < groups) {
            int n = newCapacity(values.length, groups);
            values = Arrays.copyOf(values, n);
            present = Arrays.copyOf(present, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf data = arg.getDataBuffer();
        boolean bits = arg instanceof BitVector;
        int width = bits ? 0 : Values.width(arg);
        long[] v = values;
        boolean[] p = present;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0 || Values.isNull(validity, i)) {
                continue;
            }
            long x = bits ? BitVectorHelper.get(data, i) : Values.readLong(data, width, i);
            if (!p[g]) {
                p[g] = true;
                v[g] = x;
            } else if (min ? x < v[g] : x > v[g]) {
                v[g] = x;
            }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (present[g]) {
                Values.writeLong(out, i, values[g]);
            }
        }
    }
}
