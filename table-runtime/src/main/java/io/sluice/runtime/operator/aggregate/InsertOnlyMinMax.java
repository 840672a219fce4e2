package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN and MAX of a streaming aggregation whose input is insert-only: each group keeps only its current extreme (a
 * primitive {@code long} for integral arguments), where {@link RetractableMultiset} keeps every distinct value in a
 * sorted map for retractions that cannot come. Checkpoints are written in the multiset's format (the one value, count
 * 1), and a multiset's checkpoint restores into this class (its first or last value), so savepoints move between the
 * two.
 */
final class InsertOnlyMinMax extends RetractableAccumulator {
    private final boolean max;
    private final LogicalType argType;
    private final boolean integral;
    private final Comparator<Object> order;
    private long[] longs = new long[0];
    private Object[] objects = new Object[0];
    private boolean[] present = new boolean[0];
    /**
     * VARCHAR arguments: per group, the UTF-8 bytes of {@code objects[g]}, valid while {@code bytesOf[g]} is that same
     * object, so a row's value is compared as bytes (UTF-8 byte order is code point order) and decoded only when it
     * becomes the group's extreme.
     */
    private final boolean utf8;
    private byte[][] bytes = new byte[0][];
    private Object[] bytesOf = new Object[0];

    InsertOnlyMinMax(boolean max, LogicalType argType) {
        this.max = max;
        this.argType = argType;
        this.integral = argType.root().isIntegral();
        this.utf8 = argType.root() == io.sluice.runtime.types.TypeRoot.VARCHAR;
        this.order = ValueOrder.of(argType);
    }

    @Override
    void ensureCapacity(int groups) {
        if (present.length < groups) {
            int n = Accumulator.newCapacity(present.length, groups);
            present = Arrays.copyOf(present, n);
            if (integral) {
                longs = Arrays.copyOf(longs, n);
            } else {
                objects = Arrays.copyOf(objects, n);
            }
            if (utf8) {
                bytes = Arrays.copyOf(bytes, n);
                bytesOf = Arrays.copyOf(bytesOf, n);
            }
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        if (integral) {
            long v = ((BaseIntVector) arg).getValueAsLong(row);
            if (!present[group] || (max ? v > longs[group] : v < longs[group])) {
                longs[group] = v;
                present[group] = true;
            }
            return;
        }
        if (utf8 && present[group] && arg instanceof BaseVariableWidthVector) {
            Object current = objects[group];
            if (bytesOf[group] != current) {
                bytes[group] = ((String) current).getBytes(StandardCharsets.UTF_8);
                bytesOf[group] = current;
            }
            int c = compareUtf8((BaseVariableWidthVector) arg, row, bytes[group]);
            if (max ? c <= 0 : c >= 0) {
                return; // not a new extreme: nothing decoded
            }
        }
        Object v = VectorValues.get(argType, arg, row);
        if (!present[group] || better(v, objects[group])) {
            objects[group] = v;
            present[group] = true;
        }
    }

    /** Compares the UTF-8 bytes of row {@code row} of {@code v} with {@code b}, unsigned, as byte strings. */
    private static int compareUtf8(BaseVariableWidthVector v, int row, byte[] b) {
        ArrowBuf data = v.getDataBuffer();
        long start = v.getStartOffset(row);
        int len = v.getValueLength(row);
        int n = Math.min(len, b.length);
        for (int k = 0; k < n; k++) {
            int c = (data.getByte(start + k) & 0xFF) - (b[k] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return len - b.length;
    }

    private boolean better(Object candidate, Object current) {
        int c = order.compare(candidate, current);
        return max ? c > 0 : c < 0;
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        throw new IllegalStateException("a retraction reached " + (max ? "MAX" : "MIN")
                + " of an aggregation planned for an insert-only input");
    }

    /** An integral value, or an explicit NULL. */
    @Override
    boolean writesEverySlot() {
        return integral;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        if (!present[group]) {
            VectorValues.setNull(out, pos);
        } else if (integral) {
            ((BaseIntVector) out).setWithPossibleTruncate(pos, longs[group]);
        } else {
            VectorValues.set(argType, out, pos, objects[group]);
        }
    }

    @Override
    void writePartial(int group, FieldVector[] out, int pos) {
        write(group, out[0], pos);
    }

    /** The partial is the local extreme (NULL when the local phase saw no value). */
    @Override
    void mergePartial(int group, FieldVector[] in, int row) {
        if (!in[0].isNull(row)) {
            add(group, in[0], row);
        }
    }

    @Override
    void clear(int group) {
        present[group] = false;
        if (!integral) {
            objects[group] = null;
        }
    }

    /** The group's value as {@link VectorValues} represents it (the boxed type of the integral argument). */
    private Object value(int group) {
        if (!integral) {
            return objects[group];
        }
        long v = longs[group];
        switch (argType.root()) {
            case TINYINT:
                return (byte) v;
            case SMALLINT:
                return (short) v;
            case INTEGER:
                return (int) v;
            default:
                return v;
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeInt(groups);
        for (int g = 0; g < groups; g++) {
            out.writeInt(present[g] ? 1 : -1);
            if (present[g]) {
                out.writeValue(argType, value(g));
                out.writeLong(1);
            }
        }
    }

    @Override
    void restore(StateReader in) throws IOException {
        int n = in.readInt();
        int[] identity = new int[n];
        for (int g = 0; g < n; g++) {
            identity[g] = g;
        }
        ensureCapacity(n);
        readGroups(in, n, identity);
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        readGroups(in, in.readInt(), target);
    }

    /** Reads {@code n} saved groups (a multiset's: sorted values with counts) into groups {@code target[g]}. */
    private void readGroups(StateReader in, int n, int[] target) throws IOException {
        for (int g = 0; g < n; g++) {
            int size = in.readInt();
            Object extreme = null;
            for (int k = 0; k < size; k++) {
                Object v = in.readValue(argType);
                in.readLong();
                if (k == 0 || max) { // values are saved in ascending order
                    extreme = v;
                }
            }
            if (size > 0 && g < target.length && target[g] >= 0) {
                int group = target[g];
                present[group] = true;
                if (integral) {
                    longs[group] = ((Number) extreme).longValue();
                } else {
                    objects[group] = extreme;
                }
            }
        }
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeBoolean(present[group]);
        if (present[group]) {
            out.writeValue(argType, value(group));
        }
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        present[group] = in.readBoolean();
        if (!present[group]) {
            if (!integral) {
                objects[group] = null;
            }
            return;
        }
        Object v = in.readValue(argType);
        if (integral) {
            longs[group] = ((Number) v).longValue();
        } else {
            objects[group] = v;
        }
    }
}
