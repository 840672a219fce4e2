package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN and MAX over CHAR/VARCHAR and BINARY/VARBINARY, comparing raw bytes as unsigned (for UTF-8 this
 * is code point order, as Flink compares strings). The current extreme of each group is kept in a
 * byte array reused while the new value fits, so rows that do not change it allocate nothing.
 */
final class BytesMinMaxAccumulator extends Accumulator {
    private static final int W = BaseVariableWidthVector.OFFSET_WIDTH;
    private final boolean min;
    private byte[][] values = new byte[0][];
    private int[] lengths = new int[0];

    BytesMinMaxAccumulator(boolean min) {
        this.min = min;
    }

    @Override
    void ensureCapacity(int groups) {
        if (values.length < groups) {
            int n = newCapacity(values.length, groups);
            values = Arrays.copyOf(values, n);
            lengths = Arrays.copyOf(lengths, n);
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf offsets = arg.getOffsetBuffer();
        ArrowBuf data = arg.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0 || Values.isNull(validity, i)) {
                continue;
            }
            int start = offsets.getInt((long) i * W);
            int end = offsets.getInt((long) (i + 1) * W);
            byte[] current = values[g];
            if (current != null) {
                int c = ByteFunctionHelpers.compare(data, start, end, current, 0, lengths[g]);
                if (min ? c >= 0 : c <= 0) {
                    continue;
                }
            }
            int len = end - start;
            if (current == null || current.length < len) {
                current = new byte[Math.max(len, 16)];
                values[g] = current;
            }
            data.getBytes(start, current, 0, len);
            lengths[g] = len;
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        BaseVariableWidthVector v = (BaseVariableWidthVector) out;
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (values[g] != null) {
                v.setSafe(i, values[g], 0, lengths[g]);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeInt(groups);
        for (int g = 0; g < groups; g++) {
            out.writeBoolean(values[g] != null);
            if (values[g] != null) {
                out.writeBytes(Arrays.copyOf(values[g], lengths[g]));
            }
        }
    }

    @Override
    void restore(StateReader in) throws IOException {
        int n = in.readInt();
        values = new byte[n][];
        lengths = new int[n];
        for (int g = 0; g < n; g++) {
            if (in.readBoolean()) {
                values[g] = in.readBytes();
                lengths[g] = values[g].length;
            }
        }
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        int n = in.readInt();
        for (int g = 0; g < n; g++) {
            byte[] value = in.readBoolean() ? in.readBytes() : null;
            if (g < target.length && target[g] >= 0) {
                values[target[g]] = value;
                lengths[target[g]] = value == null ? 0 : value.length;
            }
        }
    }
}
