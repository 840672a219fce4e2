package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Streaming GROUP BY: an unbounded aggregation that emits the changed result of a group after every
 * input row, as Flink's group aggregate does without mini-batching. Output rows are the group columns
 * (in {@code groupFields} order) followed by one column per aggregate.
 *
 * <p>For each input row: the first row of a group emits {@code +I}; a later row emits {@code -U}
 * with the previous result and {@code +U} with the new one, or nothing when the result did not change;
 * when retractions ({@code -U}/{@code -D} input rows) bring a group's row count to zero, {@code -D}
 * with the last result is emitted and the group's state is dropped. A retraction for a group without
 * state is ignored. Rows are matched to groups a batch at a time through a {@link KeyHashTable};
 * results are written straight into the output vectors.
 *
 * <p><b>Streaming semantics:</b> accepts any changelog; produces {@code [I,UB,UA,D]}. State: per group,
 * its key, a row counter and each aggregate's accumulator (MIN/MAX keep the multiset of values so
 * they can be retracted; DISTINCT aggregates keep a count per distinct value), held until the group
 * becomes empty. Watermarks are forwarded unchanged. With no group fields there is one global group,
 * and an empty input emits nothing (batch mode's single row on empty input is
 * {@link HashAggregateOperator}'s).
 */
public final class GroupAggregateOperator implements StreamOperator, CheckpointedOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;

    private BufferAllocator allocator;
    private Output output;
    private KeyHashTable groups;
    private RetractableAccumulator[] accumulators;
    private Map<DistinctKey, long[]>[] distinctCounts;
    private long[] rowCounts = new long[0];
    private boolean[] live = new boolean[0];
    private int[] groupIds = new int[0];
    private int groupCount;

    public GroupAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType) {
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.aggregates = List.copyOf(aggregates);
        this.outputType = outputType;
        if (outputType.size() != groupFields.length + aggregates.size()) {
            throw new IllegalArgumentException("output type " + outputType + " does not have "
                    + groupFields.length + " group columns and " + aggregates.size() + " aggregate columns");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = output;
        if (groupFields.length > 0) {
            groups = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
        }
        int n = aggregates.size();
        accumulators = new RetractableAccumulator[n];
        distinctCounts = (Map<DistinctKey, long[]>[]) new Map<?, ?>[n];
        for (int k = 0; k < n; k++) {
            AggregateSpec spec = aggregates.get(k);
            int[] args = spec.argFields();
            LogicalType argType = args.length == 0 ? null : inputType.type(args[0]);
            accumulators[k] = RetractableAccumulators.create(spec, argType);
            if (spec.distinct() && args.length > 0) {
                distinctCounts[k] = new HashMap<>();
            }
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            groupCount = assignGroups(batch, rows);
            ensureCapacity(groupCount);
            RowBatch out = RowBatch.allocate(outputType, allocator, 2 * rows);
            TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
            out.setRowKinds(kinds);
            kinds.allocateNew(2 * rows);
            int pos;
            try {
                pos = processRows(batch, rows, out, kinds);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
            if (pos == 0) {
                out.close();
                return;
            }
            out.setRowCount(pos);
            output.emit(out);
        }
    }

    private int assignGroups(RowBatch batch, int rows) {
        if (groupIds.length < rows) {
            groupIds = new int[rows];
        }
        if (groups == null) {
            Arrays.fill(groupIds, 0, rows, 0);
            return 1;
        }
        groups.findOrInsert(KeyHashTable.columnsOf(batch, groupFields), rows, groupIds);
        return groups.size();
    }

    private void ensureCapacity(int groupCount) {
        if (rowCounts.length < groupCount) {
            int n = Accumulator.newCapacity(rowCounts.length, groupCount);
            rowCounts = Arrays.copyOf(rowCounts, n);
            live = Arrays.copyOf(live, n);
        }
        for (RetractableAccumulator a : accumulators) {
            a.ensureCapacity(groupCount);
        }
    }

    /** Folds each row into its group and writes the resulting changes from {@code out}'s row 0; returns the row count. */
    private int processRows(RowBatch batch, int rows, RowBatch out, TinyIntVector kinds) {
        int pos = 0;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            RowKind kind = batch.rowKind(i);
            boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
            boolean first = !live[g];
            if (first && !accumulate) {
                continue;
            }
            if (!first) {
                writeRow(batch, i, g, out, pos);
            }
            for (int k = 0; k < accumulators.length; k++) {
                fold(k, batch, i, g, accumulate);
            }
            rowCounts[g] += accumulate ? 1 : -1;
            if (rowCounts[g] > 0) {
                if (first) {
                    live[g] = true;
                    writeRow(batch, i, g, out, pos);
                    kinds.set(pos++, RowKind.INSERT.toByteValue());
                } else {
                    writeRow(batch, i, g, out, pos + 1);
                    if (!resultsEqual(out, pos, pos + 1)) {
                        kinds.set(pos++, RowKind.UPDATE_BEFORE.toByteValue());
                        kinds.set(pos++, RowKind.UPDATE_AFTER.toByteValue());
                    }
                }
            } else {
                if (!first) {
                    kinds.set(pos++, RowKind.DELETE.toByteValue());
                }
                dropGroup(g);
            }
        }
        return pos;
    }

    /** Applies row {@code i} to aggregate {@code k} of group {@code g}, honouring FILTER, NULLs and DISTINCT. */
    private void fold(int k, RowBatch batch, int i, int g, boolean accumulate) {
        AggregateSpec spec = aggregates.get(k);
        if (spec.filterField() >= 0) {
            BitVector filter = (BitVector) batch.vector(spec.filterField());
            if (filter.isNull(i) || filter.get(i) == 0) {
                return;
            }
        }
        int[] args = spec.argFields();
        for (int a : args) {
            if (batch.vector(a).isNull(i)) {
                return;
            }
        }
        FieldVector arg = args.length == 0 || (spec.kind() == AggregateKind.COUNT && args.length > 1)
                ? null : batch.vector(args[0]);
        Map<DistinctKey, long[]> distinct = distinctCounts[k];
        if (distinct != null) {
            DistinctKey key = new DistinctKey(g, distinctValue(batch, args, i));
            long[] count = distinct.get(key);
            if (accumulate) {
                if (count == null) {
                    distinct.put(key, new long[] {1});
                    accumulators[k].add(g, arg, i);
                } else {
                    count[0]++;
                }
            } else if (count != null && --count[0] == 0) {
                distinct.remove(key);
                accumulators[k].retract(g, arg, i);
            }
            return;
        }
        if (accumulate) {
            accumulators[k].add(g, arg, i);
        } else {
            accumulators[k].retract(g, arg, i);
        }
    }

    private Object distinctValue(RowBatch batch, int[] args, int i) {
        Object[] values = new Object[args.length];
        for (int a = 0; a < args.length; a++) {
            Object v = VectorValues.get(inputType.type(args[a]), batch.vector(args[a]), i);
            values[a] = v instanceof byte[] ? ByteBuffer.wrap((byte[]) v) : v;
        }
        return values.length == 1 ? values[0] : Arrays.asList(values);
    }

    /** Writes group {@code g}'s key (taken from input row {@code i}) and current results at {@code pos}. */
    private void writeRow(RowBatch batch, int i, int g, RowBatch out, int pos) {
        for (int c = 0; c < groupFields.length; c++) {
            if (outputType.type(c).root() != TypeRoot.NULL) {
                out.vector(c).copyFromSafe(i, pos, batch.vector(groupFields[c]));
            }
        }
        for (int k = 0; k < accumulators.length; k++) {
            FieldVector v = out.vector(groupFields.length + k);
            VectorValues.setNull(v, pos);
            accumulators[k].write(g, v, pos);
        }
    }

    private boolean resultsEqual(RowBatch out, int a, int b) {
        for (int k = 0; k < accumulators.length; k++) {
            if (!SlotEquality.equal(out.vector(groupFields.length + k), a, b)) {
                return false;
            }
        }
        return true;
    }

    private void dropGroup(int g) {
        live[g] = false;
        rowCounts[g] = 0;
        for (int k = 0; k < accumulators.length; k++) {
            accumulators[k].clear(g);
            if (distinctCounts[k] != null) {
                final int group = g;
                distinctCounts[k].keySet().removeIf(key -> key.group == group);
            }
        }
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeInt(groupCount);
        if (groups != null) {
            List<FieldVector> keys = new ArrayList<>();
            for (int c = 0; c < groupFields.length; c++) {
                keys.add(groups.keyVector(c));
            }
            out.writeColumns(inputType.project(groupFields), keys, groupCount);
        }
        out.writeBooleans(live, groupCount);
        out.writeLongs(rowCounts, groupCount);
        for (RetractableAccumulator a : accumulators) {
            a.snapshot(out, groupCount);
        }
        for (int k = 0; k < distinctCounts.length; k++) {
            Map<DistinctKey, long[]> distinct = distinctCounts[k];
            if (distinct == null) {
                continue;
            }
            int[] args = aggregates.get(k).argFields();
            out.writeInt(distinct.size());
            for (Map.Entry<DistinctKey, long[]> e : distinct.entrySet()) {
                out.writeInt(e.getKey().group);
                out.writeLong(e.getValue()[0]);
                Object v = e.getKey().value;
                for (int a = 0; a < args.length; a++) {
                    Object part = args.length == 1 ? v : ((List<?>) v).get(a);
                    out.writeValue(inputType.type(args[a]), part);
                }
            }
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        int n = in.readInt();
        if (groups != null) {
            try (RowBatch keys = in.readBatch(inputType.project(groupFields), allocator)) {
                int[] ids = new int[n];
                int[] all = new int[groupFields.length];
                for (int c = 0; c < all.length; c++) {
                    all[c] = c;
                }
                groups.findOrInsert(KeyHashTable.columnsOf(keys, all), n, ids);
                for (int i = 0; i < n; i++) {
                    if (ids[i] != i) {
                        throw new IOException("state snapshot: group keys are not distinct");
                    }
                }
            }
        }
        groupCount = n;
        ensureCapacity(n);
        boolean[] restoredLive = in.readBooleans();
        long[] restoredCounts = in.readLongs();
        System.arraycopy(restoredLive, 0, live, 0, n);
        System.arraycopy(restoredCounts, 0, rowCounts, 0, n);
        for (RetractableAccumulator a : accumulators) {
            a.restore(in);
            a.ensureCapacity(n);
        }
        for (int k = 0; k < distinctCounts.length; k++) {
            Map<DistinctKey, long[]> distinct = distinctCounts[k];
            if (distinct == null) {
                continue;
            }
            int[] args = aggregates.get(k).argFields();
            int size = in.readInt();
            for (int e = 0; e < size; e++) {
                int group = in.readInt();
                long count = in.readLong();
                Object[] values = new Object[args.length];
                for (int a = 0; a < args.length; a++) {
                    Object v = in.readValue(inputType.type(args[a]));
                    values[a] = v instanceof byte[] ? ByteBuffer.wrap((byte[]) v) : v;
                }
                distinct.put(new DistinctKey(group, values.length == 1 ? values[0] : Arrays.asList(values)),
                        new long[] {count});
            }
        }
    }

    @Override
    public void close() {
        if (groups != null) {
            groups.close();
            groups = null;
        }
        accumulators = null;
        distinctCounts = null;
    }

    /** A (group, distinct argument value) pair. */
    private static final class DistinctKey {
        final int group;
        final Object value;

        DistinctKey(int group, Object value) {
            this.group = group;
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DistinctKey && ((DistinctKey) o).group == group
                    && Objects.equals(((DistinctKey) o).value, value);
        }

        @Override
        public int hashCode() {
            return 31 * group + Objects.hashCode(value);
        }
    }
}
