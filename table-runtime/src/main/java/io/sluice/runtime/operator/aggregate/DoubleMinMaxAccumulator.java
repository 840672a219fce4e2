package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** MIN and MAX over FLOAT and DOUBLE, ordered as {@link Double#compare} (NaN above every number). */
final class DoubleMinMaxAccumulator extends Accumulator {
    private final boolean min;
    private double[] values = new double[0];
    private boolean[] present = new boolean[0];

    DoubleMinMaxAccumulator(boolean min) {
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
        boolean isFloat = Values.width(arg) == 4;
        double[] v = values;
        boolean[] p = present;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g < 0 || Values.isNull(validity, i)) {
                continue;
            }
            double x = isFloat ? data.getFloat((long) i * 4) : data.getDouble((long) i * 8);
            if (!p[g]) {
                p[g] = true;
                v[g] = x;
            } else {
                int c = Double.compare(x, v[g]);
                if (min ? c < 0 : c > 0) {
                    v[g] = x;
                }
            }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            int g = firstGroup + i;
            if (present[g]) {
                Values.writeDouble(out, i, values[g]);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeDoubles(values, groups);
        out.writeBooleans(present, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        values = in.readDoubles();
        present = in.readBooleans();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readDoubles(), target, values);
        StateRemap.copy(in.readBooleans(), target, present);
    }
}
