package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseIntVector;

/**
 * The DISTINCT bookkeeping of a streaming group aggregation: per group, how many input rows carry each distinct
 * argument value, so that a DISTINCT aggregate folds a value once and retracts it only with its last row.
 *
 * <p>DISTINCT aggregates over the same argument columns share one table per group with a counter per aggregate
 * (their FILTERs may differ), and the slot a row found is reused by the other aggregates of that row, so a row
 * costs one lookup per argument set rather than one per aggregate (Nexmark q16 has eight DISTINCT counts over two
 * columns). A single integral argument is kept in a primitive {@link LongCountTable}; other arguments in a
 * {@link HashMap} of their values.
 *
 * <p>Snapshots list, per DISTINCT aggregate, its (group, count, value) entries, the layout the operator had before
 * the tables were shared.
 */
final class DistinctValueCounts {
    /** Per aggregate: the index of its shared table set, or -1 when it is not DISTINCT. */
    private final int[] viewOf;
    /** Per aggregate: its counter's position among the aggregates of its table set. */
    private final int[] variantOf;
    private final View[] views;

    DistinctValueCounts(RowType inputType, List<AggregateSpec> aggregates) {
        int n = aggregates.size();
        viewOf = new int[n];
        variantOf = new int[n];
        List<int[]> argSets = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            AggregateSpec spec = aggregates.get(k);
            viewOf[k] = -1;
            if (!spec.distinct() || spec.argFields().length == 0) {
                continue;
            }
            int v = 0;
            while (v < argSets.size() && !Arrays.equals(argSets.get(v), spec.argFields())) {
                v++;
            }
            if (v == argSets.size()) {
                argSets.add(spec.argFields());
                strides.add(0);
            }
            viewOf[k] = v;
            variantOf[k] = strides.get(v);
            strides.set(v, strides.get(v) + 1);
        }
        views = new View[argSets.size()];
        for (int v = 0; v < views.length; v++) {
            int[] args = argSets.get(v);
            LogicalType[] types = new LogicalType[args.length];
            for (int a = 0; a < args.length; a++) {
                types[a] = inputType.type(args[a]);
            }
            views[v] = args.length == 1 && isIntegral(types[0].root())
                    ? new LongView(args[0], types[0], strides.get(v))
                    : new ObjectView(args, types, strides.get(v));
        }
    }

    private static boolean isIntegral(TypeRoot root) {
        return root == TypeRoot.TINYINT || root == TypeRoot.SMALLINT || root == TypeRoot.INTEGER
                || root == TypeRoot.BIGINT;
    }

    /** Whether aggregate {@code k} is a DISTINCT aggregate with arguments. */
    boolean isDistinct(int k) {
        return viewOf[k] >= 0;
    }

    /**
     * Counts input row {@code i} (non-null arguments, FILTER passed) for DISTINCT aggregate {@code k} of group
     * {@code g}; returns whether the aggregate must fold the row: its value's count went from 0 to 1 (accumulate)
     * or from 1 to 0 (retract). Calls for the same row share one lookup per table set: {@code rowSeq} must differ
     * between rows.
     */
    boolean update(int k, int g, long rowSeq, RowBatch batch, int i, boolean accumulate) {
        return views[viewOf[k]].update(variantOf[k], g, rowSeq, batch, i, accumulate);
    }

    void ensureCapacity(int groups) {
        for (View v : views) {
            v.ensureCapacity(groups);
        }
    }

    /** Forgets group {@code g}'s values. */
    void clear(int g) {
        for (View v : views) {
            v.clear(g);
        }
    }

    /** Number of (aggregate, group, value) counters above zero, for tests. */
    int entries() {
        int n = 0;
        for (int k = 0; k < viewOf.length; k++) {
            if (viewOf[k] >= 0) {
                n += views[viewOf[k]].entries(variantOf[k], Integer.MAX_VALUE);
            }
        }
        return n;
    }

    /** Writes, per DISTINCT aggregate, its counters of groups {@code 0..groupCount-1}. */
    void snapshot(StateWriter out, int groupCount) throws IOException {
        for (int k = 0; k < viewOf.length; k++) {
            if (viewOf[k] >= 0) {
                View view = views[viewOf[k]];
                out.writeInt(view.entries(variantOf[k], groupCount));
                view.write(out, variantOf[k], groupCount);
            }
        }
    }

    /**
     * Reads what {@link #snapshot} wrote; {@code target} maps a snapshot group to this operator's group (-1: not
     * owned, skipped), or is null for the identity.
     */
    void restore(StateReader in, int[] target) throws IOException {
        for (int k = 0; k < viewOf.length; k++) {
            if (viewOf[k] < 0) {
                continue;
            }
            View view = views[viewOf[k]];
            int size = in.readInt();
            for (int e = 0; e < size; e++) {
                int group = in.readInt();
                long count = in.readLong();
                Object[] values = new Object[view.types.length];
                for (int a = 0; a < values.length; a++) {
                    values[a] = in.readValue(view.types[a]);
                }
                int g = target == null ? group : target[group];
                if (g >= 0) {
                    view.put(variantOf[k], g, values, count);
                }
            }
        }
    }

    /** Writes group {@code g}'s counters alone (a keyed-state backend keeps one value per group key). */
    void writeGroup(int g, StateWriter out) throws IOException {
        for (int k = 0; k < viewOf.length; k++) {
            if (viewOf[k] >= 0) {
                View view = views[viewOf[k]];
                out.writeInt(view.groupEntries(variantOf[k], g));
                view.writeEntries(out, variantOf[k], g, false);
            }
        }
    }

    /** Reads what {@link #writeGroup} wrote into group {@code g}, which is empty. */
    void readGroup(int g, StateReader in) throws IOException {
        for (int k = 0; k < viewOf.length; k++) {
            if (viewOf[k] < 0) {
                continue;
            }
            View view = views[viewOf[k]];
            int size = in.readInt();
            for (int e = 0; e < size; e++) {
                long count = in.readLong();
                Object[] values = new Object[view.types.length];
                for (int a = 0; a < values.length; a++) {
                    values[a] = in.readValue(view.types[a]);
                }
                view.put(variantOf[k], g, values, count);
            }
        }
    }

    /** The per-group tables of the DISTINCT aggregates over one set of argument columns. */
    private abstract static class View {
        final LogicalType[] types;
        final int stride;
        /** The row whose slot is cached (-1: none). */
        long cachedRow = -1;

        View(LogicalType[] types, int stride) {
            this.types = types;
            this.stride = stride;
        }

        abstract boolean update(int variant, int g, long rowSeq, RowBatch batch, int i, boolean accumulate);

        abstract void ensureCapacity(int groups);

        abstract void clear(int g);

        /** Counters above zero of one variant over groups {@code 0..groupCount-1}. */
        int entries(int variant, int groupCount) {
            int n = 0;
            for (int g = 0; g < groupCount && g < capacity(); g++) {
                n += groupEntries(variant, g);
            }
            return n;
        }

        abstract int capacity();

        /** Counters above zero of one variant in group {@code g}. */
        abstract int groupEntries(int variant, int g);

        void write(StateWriter out, int variant, int groupCount) throws IOException {
            for (int g = 0; g < groupCount && g < capacity(); g++) {
                writeEntries(out, variant, g, true);
            }
        }

        /** Writes group {@code g}'s (group if {@code withGroup}, count, values) entries of one variant. */
        abstract void writeEntries(StateWriter out, int variant, int g, boolean withGroup) throws IOException;

        abstract void put(int variant, int g, Object[] values, long count);
    }

    /** One integral argument: primitive tables. */
    private static final class LongView extends View {
        private final int arg;
        private LongCountTable[] tables = new LongCountTable[0];
        private int cachedSlot;

        LongView(int arg, LogicalType type, int stride) {
            super(new LogicalType[] {type}, stride);
            this.arg = arg;
        }

        @Override
        boolean update(int variant, int g, long rowSeq, RowBatch batch, int i, boolean accumulate) {
            LongCountTable t = tables[g];
            int slot;
            if (cachedRow == rowSeq) {
                slot = cachedSlot;
            } else {
                long key = ((BaseIntVector) batch.vector(arg)).getValueAsLong(i);
                if (accumulate) {
                    if (t == null) {
                        t = new LongCountTable(stride);
                        tables[g] = t;
                    }
                    slot = t.findOrInsert(key);
                } else {
                    slot = t == null ? -1 : t.find(key);
                }
                cachedRow = rowSeq;
                cachedSlot = slot;
            }
            if (slot < 0) {
                return false;
            }
            long[] counts = t.entries();
            int c = t.countIndex(slot) + variant;
            if (accumulate) {
                return ++counts[c] == 1;
            }
            if (counts[c] == 0) {
                return false;
            }
            if (--counts[c] == 0) {
                if (t.allZero(slot)) {
                    t.remove(slot); // moves other slots: the cached one is gone
                    cachedRow = -1;
                }
                return true;
            }
            return false;
        }

        @Override
        void ensureCapacity(int groups) {
            if (tables.length < groups) {
                tables = Arrays.copyOf(tables, Accumulator.newCapacity(tables.length, groups));
            }
        }

        @Override
        void clear(int g) {
            tables[g] = null;
            cachedRow = -1;
        }

        @Override
        int capacity() {
            return tables.length;
        }

        @Override
        int groupEntries(int variant, int g) {
            int n = 0;
            LongCountTable t = tables[g];
            if (t != null) {
                long[] counts = t.entries();
                for (int s = 0; s < t.capacity(); s++) {
                    if (t.used(s) && counts[t.countIndex(s) + variant] != 0) {
                        n++;
                    }
                }
            }
            return n;
        }

        @Override
        void writeEntries(StateWriter out, int variant, int g, boolean withGroup) throws IOException {
            LongCountTable t = tables[g];
            if (t == null) {
                return;
            }
            long[] counts = t.entries();
            for (int s = 0; s < t.capacity(); s++) {
                long count = t.used(s) ? counts[t.countIndex(s) + variant] : 0;
                if (count != 0) {
                    if (withGroup) {
                        out.writeInt(g);
                    }
                    out.writeLong(count);
                    out.writeValue(types[0], boxed(t.key(s)));
                }
            }
        }

        /** The key as the value class of its type, as a vector read gives it. */
        private Object boxed(long key) {
            switch (types[0].root()) {
                case TINYINT:
                    return (byte) key;
                case SMALLINT:
                    return (short) key;
                case INTEGER:
                    return (int) key;
                default:
                    return key;
            }
        }

        @Override
        void put(int variant, int g, Object[] values, long count) {
            ensureCapacity(g + 1);
            if (tables[g] == null) {
                tables[g] = new LongCountTable(stride);
            }
            LongCountTable t = tables[g];
            int s = t.findOrInsert(((Number) values[0]).longValue());
            t.entries()[t.countIndex(s) + variant] = count;
            cachedRow = -1;
        }
    }

    /** Any other arguments: their values (a list for several) as hash map keys. */
    private static final class ObjectView extends View {
        private final int[] args;
        private Map<Object, long[]>[] maps = newMaps(0);
        private Object cachedKey;
        private long[] cachedCounts;

        ObjectView(int[] args, LogicalType[] types, int stride) {
            super(types, stride);
            this.args = args;
        }

        @SuppressWarnings("unchecked")
        private static Map<Object, long[]>[] newMaps(int n) {
            return (Map<Object, long[]>[]) new Map<?, ?>[n];
        }

        private Object key(RowBatch batch, int i) {
            Object[] values = new Object[args.length];
            for (int a = 0; a < args.length; a++) {
                values[a] = VectorValues.get(types[a], batch.vector(args[a]), i);
            }
            return key(values);
        }

        private static Object key(Object[] values) {
            for (int a = 0; a < values.length; a++) {
                if (values[a] instanceof byte[]) {
                    values[a] = ByteBuffer.wrap((byte[]) values[a]);
                }
            }
            return values.length == 1 ? values[0] : Arrays.asList(values);
        }

        @Override
        boolean update(int variant, int g, long rowSeq, RowBatch batch, int i, boolean accumulate) {
            Map<Object, long[]> map = maps[g];
            long[] counts;
            Object key;
            if (cachedRow == rowSeq) {
                counts = cachedCounts;
                key = cachedKey;
            } else {
                key = key(batch, i);
                counts = map == null ? null : map.get(key);
                if (counts == null && accumulate) {
                    if (map == null) {
                        map = new HashMap<>();
                        maps[g] = map;
                    }
                    counts = new long[stride];
                    map.put(key, counts);
                }
                cachedRow = rowSeq;
                cachedCounts = counts;
                cachedKey = key;
            }
            if (counts == null) {
                return false;
            }
            if (accumulate) {
                return ++counts[variant] == 1;
            }
            if (counts[variant] == 0) {
                return false;
            }
            if (--counts[variant] == 0) {
                boolean allZero = true;
                for (long c : counts) {
                    allZero &= c == 0;
                }
                if (allZero) {
                    map.remove(key);
                    cachedRow = -1;
                }
                return true;
            }
            return false;
        }

        @Override
        void ensureCapacity(int groups) {
            if (maps.length < groups) {
                maps = Arrays.copyOf(maps, Accumulator.newCapacity(maps.length, groups));
            }
        }

        @Override
        void clear(int g) {
            maps[g] = null;
            cachedRow = -1;
        }

        @Override
        int capacity() {
            return maps.length;
        }

        @Override
        int groupEntries(int variant, int g) {
            int n = 0;
            if (maps[g] != null) {
                for (long[] counts : maps[g].values()) {
                    n += counts[variant] != 0 ? 1 : 0;
                }
            }
            return n;
        }

        @Override
        void writeEntries(StateWriter out, int variant, int g, boolean withGroup) throws IOException {
            if (maps[g] == null) {
                return;
            }
            for (Map.Entry<Object, long[]> e : maps[g].entrySet()) {
                long count = e.getValue()[variant];
                if (count == 0) {
                    continue;
                }
                if (withGroup) {
                    out.writeInt(g);
                }
                out.writeLong(count);
                for (int a = 0; a < args.length; a++) {
                    Object part = args.length == 1 ? e.getKey() : ((List<?>) e.getKey()).get(a);
                    out.writeValue(types[a], part instanceof ByteBuffer ? ((ByteBuffer) part).array() : part);
                }
            }
        }

        @Override
        void put(int variant, int g, Object[] values, long count) {
            ensureCapacity(g + 1);
            if (maps[g] == null) {
                maps[g] = new HashMap<>();
            }
            maps[g].computeIfAbsent(key(values), x -> new long[stride])[variant] = count;
            cachedRow = -1;
        }
    }
}
