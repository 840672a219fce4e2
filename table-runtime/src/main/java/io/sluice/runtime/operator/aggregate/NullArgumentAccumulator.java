package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import org.apache.arrow.vector.FieldVector;

/** An aggregate over an argument of the NULL type: never sees a value; NULL, or 0 for SUM0. */
final class NullArgumentAccumulator extends Accumulator {
    private final boolean zero;

    NullArgumentAccumulator(boolean zero) {
        this.zero = zero;
    }

    @Override
    void ensureCapacity(int groups) {
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        if (zero) {
            for (int i = 0; i < count; i++) {
                Values.writeLong(out, i, 0L);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) {
        // no state: the argument is always NULL
    }

    @Override
    void restore(StateReader in) {
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) {
    }
}
