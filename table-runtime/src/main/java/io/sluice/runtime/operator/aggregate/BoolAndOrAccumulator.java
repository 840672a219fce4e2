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

/** BOOL_AND and BOOL_OR over BOOLEAN; NULL for a group without non-NULL values. */
final class BoolAndOrAccumulator extends Accumulator {
    private static final byte EMPTY = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private final boolean and;
    private byte[] states = new byte[0];

    BoolAndOrAccumulator(boolean and) {
        this.and = and;
    }

    @Override
    void ensureCapacity(int groups) {
        if (states.length < groups) {
            states = Arrays.copyOf(states, newCapacity(states.length, groups));
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        ArrowBuf validity = arg.getValidityBuffer();
        ArrowBuf data = arg.getDataBuffer();
        byte[] s = states;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0 || Values.isNull(validity, i)) {
                continue;
            }
            byte x = BitVectorHelper.get(data, i) != 0 ? TRUE : FALSE;
            if (s[g] == EMPTY) {
                s[g] = x;
            } else if (and ? x < s[g] : x > s[g]) {
                s[g] = x;
            }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        BitVector v = (BitVector) out;
        for (int i = 0; i < count; i++) {
            byte s = states[firstGroup + i];
            if (s != EMPTY) {
                v.set(i, s == TRUE ? 1 : 0);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeBytes(Arrays.copyOf(states, groups));
    }

    @Override
    void restore(StateReader in) throws IOException {
        states = in.readBytes();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readBytes(), target, states);
    }
}
