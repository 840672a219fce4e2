package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The global phase of a two-phase streaming GROUP BY, as Flink's global group aggregate: its input rows are the
 * accumulators a {@link LocalGroupAggregateOperator} emitted per group and mini-batch (group columns first), hash
 * partitioned by the group key; it merges them into keyed state and emits, per input batch and for each group the
 * batch touched (in the order it touched them), the net change of the group's result: {@code +I} for a new group,
 * {@code -U/+U} for a changed result (nothing when it did not change), {@code -D} when the merged row count (the
 * local phase's signed count column, present when the aggregation's input has updates) drops to zero. Output rows are
 * those of the one-phase {@link GroupAggregateOperator}: group columns, then one result per aggregate.
 *
 * <p>State, per group: its key, row count and each aggregate's accumulator (the same accumulator classes as the local
 * phase, so results equal the one-phase aggregation's). Heap state only; checkpoints save it and a restore at another
 * parallelism keeps the groups the exchange now routes to the instance. Watermarks are forwarded unchanged.
 */
public final class GlobalGroupAggregateOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.operator.UpdateBeforeOptional {
    private final RowType localInputType;
    private final RowType inputType;
    private final int groupCount;
    private final List<AggregateSpec> aggregates;
    private final boolean countRows;
    private final boolean insertOnlyInput;
    private final RowType outputType;
    /** Per aggregate, its first partial column in the input, and the number of its partial columns. */
    private final int[] partialStart;
    private final int[] partialWidth;
    private final int[] keyColumns;

    private OperatorContext context;
    private BufferAllocator allocator;
    private Output output;
    private boolean dropUpdateBefore;
    private KeyHashTable groups;
    private RetractableAccumulator[] accumulators;
    private long[] rowCounts = new long[0];
    private boolean[] live = new boolean[0];
    private int groupTotal;
    private int liveGroups;
    private int[] groupIds = new int[0];
    private MiniBatchChanges changes;
    /** The groups' state after a mini-batch, for {@link MiniBatchChanges#emit}. */
    private final MiniBatchChanges.GroupResults groupResults = new MiniBatchChanges.GroupResults() {
        @Override
        public boolean isLive(int g) {
            return live[g];
        }

        @Override
        public void writeResults(int g, RowBatch out, int pos) {
            GlobalGroupAggregateOperator.this.writeResults(g, out, pos);
        }
    };

    /**
     * @param localInputType the input type of the local phase (the aggregates' argument types come from it)
     * @param inputType the local phase's output type: {@code groupCount} group columns, the partial columns, then
     *     (when {@code countRows}) the signed row count
     * @param aggregates the aggregate calls over the local phase's input
     * @param insertOnlyInput the local phase's input is insert-only
     * @param outputType the group columns, then one column per aggregate
     */
    public GlobalGroupAggregateOperator(RowType localInputType, RowType inputType, int groupCount,
            List<AggregateSpec> aggregates, boolean countRows, boolean insertOnlyInput, RowType outputType) {
        this.localInputType = localInputType;
        this.inputType = inputType;
        this.groupCount = groupCount;
        this.aggregates = List.copyOf(aggregates);
        this.countRows = countRows;
        this.insertOnlyInput = insertOnlyInput;
        this.outputType = outputType;
        this.partialStart = new int[aggregates.size()];
        this.partialWidth = new int[aggregates.size()];
        int col = groupCount;
        for (int k = 0; k < aggregates.size(); k++) {
            List<LogicalType> types = PartialAggregates.partialTypes(aggregates.get(k), argType(aggregates.get(k)),
                    insertOnlyInput);
            if (types == null) {
                throw new IllegalArgumentException("not a mergeable aggregate call: " + aggregates.get(k));
            }
            partialStart[k] = col;
            partialWidth[k] = types.size();
            col += types.size();
        }
        if (inputType.size() != col + (countRows ? 1 : 0)) {
            throw new IllegalArgumentException("input type " + inputType + " does not match the partial columns of "
                    + aggregates);
        }
        if (outputType.size() != groupCount + aggregates.size()) {
            throw new IllegalArgumentException("output type " + outputType + " does not have " + groupCount
                    + " group columns and " + aggregates.size() + " aggregate columns");
        }
        this.keyColumns = java.util.stream.IntStream.range(0, groupCount).toArray();
    }

    private LogicalType argType(AggregateSpec spec) {
        int[] args = spec.argFields();
        return args.length == 0 ? null : localInputType.type(args[0]);
    }

    @Override
    public void dropUpdateBefore() {
        this.dropUpdateBefore = true;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.allocator = context.allocator();
        this.output = dropUpdateBefore ? new io.sluice.runtime.operator.UpdateBeforeFilter(output, allocator) : output;
        if (groupCount > 0) {
            groups = KeyHashTable.forGrouping(allocator, inputType.project(keyColumns).types());
        }
        changes = new MiniBatchChanges();
        accumulators = new RetractableAccumulator[aggregates.size()];
        for (int k = 0; k < accumulators.length; k++) {
            AggregateSpec spec = aggregates.get(k);
            accumulators[k] = PartialAggregates.create(spec, argType(spec), insertOnlyInput, false, context);
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            if (groupIds.length < rows) {
                groupIds = new int[rows];
            }
            if (groups == null) {
                Arrays.fill(groupIds, 0, rows, 0);
                groupTotal = 1;
            } else {
                groups.findOrInsert(KeyHashTable.columnsOf(batch, keyColumns), rows, groupIds);
                groupTotal = groups.size();
            }
            ensureCapacity(groupTotal);
            changes.begin(outputType, allocator, rows, groupTotal);
            try {
                merge(batch, rows);
                changes.emit(outputType, groupCount, allocator, groupResults, output);
            } finally {
                changes.reset();
            }
        }
    }

    /** Merges each partial row into its group, noting each group's key and old result on its first touch. */
    private void merge(RowBatch batch, int rows) {
        RowBatch before = changes.before();
        FieldVector[][] partials = new FieldVector[accumulators.length][];
        for (int k = 0; k < accumulators.length; k++) {
            partials[k] = new FieldVector[partialWidth[k]];
            for (int p = 0; p < partialWidth[k]; p++) {
                partials[k][p] = batch.vector(partialStart[k] + p);
            }
        }
        BigIntVector counts = countRows ? (BigIntVector) batch.vector(inputType.size() - 1) : null;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (!changes.isTouched(g)) {
                int slot = changes.touch(g, live[g]);
                copyKey(batch, i, before, slot);
                if (live[g]) {
                    writeResults(g, before, slot);
                }
            }
            for (int k = 0; k < accumulators.length; k++) {
                accumulators[k].mergePartial(g, partials[k], i);
            }
            rowCounts[g] += counts != null ? counts.get(i) : 1;
            if (rowCounts[g] > 0) {
                if (!live[g]) {
                    live[g] = true;
                    liveGroups++;
                }
            } else {
                dropGroup(g); // emptied by retractions (or a net-zero partial of a group without state)
            }
        }
    }

    private void copyKey(RowBatch batch, int row, RowBatch out, int pos) {
        for (int c = 0; c < groupCount; c++) {
            if (outputType.type(c).root() != TypeRoot.NULL) {
                out.vector(c).copyFromSafe(row, pos, batch.vector(c));
            }
        }
    }

    private void writeResults(int g, RowBatch out, int pos) {
        for (int k = 0; k < accumulators.length; k++) {
            FieldVector v = out.vector(groupCount + k);
            VectorValues.setNull(v, pos);
            accumulators[k].write(g, v, pos);
        }
    }

    private void dropGroup(int g) {
        if (live[g]) {
            live[g] = false;
            liveGroups--;
        }
        rowCounts[g] = 0;
        for (RetractableAccumulator a : accumulators) {
            a.clear(g);
        }
    }

    private void ensureCapacity(int n) {
        if (rowCounts.length < n) {
            int capacity = Accumulator.newCapacity(rowCounts.length, n);
            rowCounts = Arrays.copyOf(rowCounts, capacity);
            live = Arrays.copyOf(live, capacity);
        }
        for (RetractableAccumulator a : accumulators) {
            a.ensureCapacity(n);
        }
    }

    /** Number of groups holding state, for tests. */
    public int liveGroups() {
        return liveGroups;
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeInt(groupTotal);
        if (groups != null) {
            List<FieldVector> keys = new ArrayList<>();
            for (int c = 0; c < groupCount; c++) {
                keys.add(groups.keyVector(c));
            }
            out.writeColumns(inputType.project(keyColumns), keys, groupTotal);
        }
        out.writeBooleans(live, groupTotal);
        out.writeLongs(rowCounts, groupTotal);
        for (RetractableAccumulator a : accumulators) {
            a.snapshot(out, groupTotal);
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        int n = in.readInt();
        if (groups != null) {
            try (RowBatch keys = in.readBatch(inputType.project(keyColumns), allocator)) {
                int[] ids = new int[n];
                groups.findOrInsert(KeyHashTable.columnsOf(keys, keyColumns), n, ids);
                for (int i = 0; i < n; i++) {
                    if (ids[i] != i) {
                        throw new IOException("state snapshot: group keys are not distinct");
                    }
                }
            }
        }
        groupTotal = n;
        ensureCapacity(n);
        System.arraycopy(in.readBooleans(), 0, live, 0, n);
        System.arraycopy(in.readLongs(), 0, rowCounts, 0, n);
        for (RetractableAccumulator a : accumulators) {
            a.restore(in);
            a.ensureCapacity(n);
        }
        liveGroups = 0;
        for (int g = 0; g < n; g++) {
            liveGroups += live[g] ? 1 : 0;
        }
    }

    /**
     * Restores the groups this instance owns from the snapshots of every instance of a run at another parallelism.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        if (groups == null && snapshots.size() > 1) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a global aggregation from "
                    + snapshots.size() + " instances' state");
        }
        for (StateReader in : snapshots) {
            int n = in.readInt();
            int[] target = new int[n];
            if (groups != null) {
                target = io.sluice.runtime.operator.keys.KeyTableState.restoreOwned(in, groups,
                        inputType.project(keyColumns), n, allocator, owned, keyColumns, 0, "group keys");
            } else {
                for (int g = 0; g < n; g++) {
                    target[g] = g;
                }
            }
            int total = groups != null ? groups.size() : n;
            ensureCapacity(total);
            io.sluice.runtime.state.StateRemap.copy(in.readBooleans(), target, live);
            io.sluice.runtime.state.StateRemap.copy(in.readLongs(), target, rowCounts);
            for (RetractableAccumulator a : accumulators) {
                a.restoreRemapped(in, target);
            }
            groupTotal = total;
        }
        liveGroups = 0;
        for (int g = 0; g < groupTotal; g++) {
            liveGroups += live[g] ? 1 : 0;
        }
    }

    @Override
    public void close() {
        if (changes != null) {
            changes.close();
            changes = null;
        }
        if (groups != null) {
            groups.close();
            groups = null;
        }
        if (accumulators != null) {
            for (RetractableAccumulator a : accumulators) {
                if (a != null) {
                    a.close();
                }
            }
            accumulators = null;
        }
    }
}
