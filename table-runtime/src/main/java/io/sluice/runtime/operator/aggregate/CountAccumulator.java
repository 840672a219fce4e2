package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** COUNT: rows ({@code COUNT(*)}) or non-NULL values per group; 0 for an empty group. */
final class CountAccumulator extends Accumulator {
    private long[] counts = new long[0];

    @Override
    void ensureCapacity(int groups) {
        if (counts.length < groups) {
            counts = Arrays.copyOf(counts, newCapacity(counts.length, groups));
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        long[] c = counts;
        if (arg == null) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (g >= 0) {
                    c[g]++;
                }
            }
        } else if (!(arg instanceof NullVector)) {
            ArrowBuf validity = arg.getValidityBuffer();
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (g >= 0 && !Values.isNull(validity, i)) {
                    c[g]++;
                }
            }
        }
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            Values.writeLong(out, i, counts[firstGroup + i]);
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeLongs(counts, groups);
    }

    @Override
    void restore(StateReader in) throws IOException {
        counts = in.readLongs();
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(in.readLongs(), target, counts);
    }
}
