package io.sluice.runtime.operator.aggregate;

import java.io.IOException;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;

/**
 * MIN, MAX, SINGLE_VALUE and ANY_VALUE under retraction. Each group keeps the multiset of its values
 * (value to number of occurrences, sorted), so that retracting the current minimum reveals the next
 * one, as Flink's retractable MIN/MAX do with their map state.
 *
 * <p>When the input is insert-only, the planner still uses this class; only the first and last entries
 * are read, so a group's map holds its distinct values.
 */
final class RetractableMultiset extends RetractableAccumulator {
    private final AggregateKind kind;
    private final LogicalType argType;
    private final Comparator<Object> order;
    private TreeMap<Object, long[]>[] groups = newArray(0);

    RetractableMultiset(AggregateKind kind, LogicalType argType) {
        this.kind = kind;
        this.argType = argType;
        this.order = ValueOrder.of(argType);
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<Object, long[]>[] newArray(int n) {
        return (TreeMap<Object, long[]>[]) new TreeMap<?, ?>[n];
    }

    @Override
    void ensureCapacity(int n) {
        if (groups.length < n) {
            groups = Arrays.copyOf(groups, Accumulator.newCapacity(groups.length, n));
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        TreeMap<Object, long[]> values = groups[group];
        if (values == null) {
            values = new TreeMap<>(order);
            groups[group] = values;
        }
        Object v = VectorValues.get(argType, arg, row);
        long[] count = values.computeIfAbsent(v, k -> new long[1]);
        count[0]++;
        if (kind == AggregateKind.SINGLE_VALUE && (values.size() > 1 || count[0] > 1)) {
            throw new TableException("SINGLE_VALUE aggregate: the subquery returned more than one row");
        }
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        TreeMap<Object, long[]> values = groups[group];
        if (values == null) {
            return; // retraction of a value never added (state expired or out-of-order input): ignore, as Flink
        }
        Object v = VectorValues.get(argType, arg, row);
        long[] count = values.get(v);
        if (count != null && --count[0] <= 0) {
            values.remove(v);
        }
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        TreeMap<Object, long[]> values = groups[group];
        if (values == null || values.isEmpty()) {
            VectorValues.setNull(out, pos);
            return;
        }
        Map.Entry<Object, long[]> e = kind == AggregateKind.MAX ? values.lastEntry() : values.firstEntry();
        VectorValues.set(argType, out, pos, e.getKey());
    }

    @Override
    void clear(int group) {
        groups[group] = null;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeInt(groups);
        for (int g = 0; g < groups; g++) {
            TreeMap<Object, long[]> values = this.groups[g];
            out.writeInt(values == null ? -1 : values.size());
            if (values != null) {
                for (Map.Entry<Object, long[]> e : values.entrySet()) {
                    out.writeValue(argType, e.getKey());
                    out.writeLong(e.getValue()[0]);
                }
            }
        }
    }

    @Override
    void restore(StateReader in) throws IOException {
        int n = in.readInt();
        groups = newArray(n);
        for (int g = 0; g < n; g++) {
            int size = in.readInt();
            if (size >= 0) {
                TreeMap<Object, long[]> values = new TreeMap<>(order);
                for (int k = 0; k < size; k++) {
                    Object v = in.readValue(argType);
                    values.put(v, new long[] {in.readLong()});
                }
                groups[g] = values;
            }
        }
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        int n = in.readInt();
        for (int g = 0; g < n; g++) {
            int size = in.readInt();
            if (size >= 0) {
                TreeMap<Object, long[]> values = new TreeMap<>(order);
                for (int k = 0; k < size; k++) {
                    Object v = in.readValue(argType);
                    values.put(v, new long[] {in.readLong()});
                }
                if (g < target.length && target[g] >= 0) {
                    groups[target[g]] = values;
                }
            }
        }
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        TreeMap<Object, long[]> values = groups[group];
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (Map.Entry<Object, long[]> e : values.entrySet()) {
                out.writeValue(argType, e.getKey());
                out.writeLong(e.getValue()[0]);
            }
        }
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            groups[group] = null;
            return;
        }
        TreeMap<Object, long[]> values = new TreeMap<>(order);
        for (int k = 0; k < size; k++) {
            Object v = in.readValue(argType);
            values.put(v, new long[] {in.readLong()});
        }
        groups[group] = values;
    }
}
