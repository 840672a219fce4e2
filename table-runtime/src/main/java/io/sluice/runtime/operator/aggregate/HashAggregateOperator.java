package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * GROUP BY with aggregates, by hashing: each input batch is mapped to dense group ids by a
 * {@link KeyHashTable} over {@code groupFields}, then every aggregate folds its argument column into
 * its typed accumulator. When the input ends, one row per group is emitted: the group columns (in
 * {@code groupFields} order) followed by one column per aggregate, in batches of at most
 * {@code context.batchSize()} rows. With no group fields there is exactly one group, so exactly one
 * row is emitted even for empty input (COUNT 0, other aggregates NULL, SUM0 0).
 *
 * <p>Per aggregate: a FILTER column keeps only rows where it is TRUE; {@code COUNT(a, b)} counts rows
 * where every argument is non-NULL; DISTINCT aggregates see each (group, argument values) once, through
 * a {@link DistinctFilter}. Results are written in the {@link AggregateSpec#resultType()} given. A
 * user-defined aggregate function ({@link AggregateKind#USER_DEFINED}) keeps one accumulator object per
 * group ({@link ObjectAccumulator}) and sees NULL arguments itself; its function instance is opened in
 * {@link #open} and closed when the results are emitted or the operator is closed.
 *
 * <p><b>Streaming semantics:</b> batch (final-result) semantics only, for now: input must be
 * insert-only (a batch with UPDATE/DELETE rows fails with "not supported yet"); state is every
 * group's key and accumulators, kept in memory until the input ends, with no TTL; results are emitted
 * only at {@link #endInput}, so on an unbounded stream nothing is emitted. Incremental emission with
 * retractions ({@code -U/+U}) is a later issue. Watermarks are forwarded unchanged (results carry
 * no event time of their own). A checkpoint saves the group keys (in group id order, so re-inserting
 * them reproduces the ids), every accumulator and the pairs each DISTINCT aggregate has seen.
 */
public final class HashAggregateOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;
    private final SharedUserAggregates sharedUserAggregates;
    /** Input fields of the group columns that are hashed (those not constant), in group column order. */
    private final int[] hashedFields;
    /** Per group column: its index among the hashed columns, or -1 when it is constant. */
    private final int[] hashedIndex;

    private BufferAllocator allocator;
    private Output output;
    private int batchSize;
    private KeyHashTable groups;
    private Accumulator[] accumulators;
    private DistinctFilter[] distinctFilters;
    /** Per user-defined aggregate, its argument vectors of the current batch (reused), else null. */
    private FieldVector[][] userArgs;
    private int[] groupIds = new int[0];
    private int[] scratchIds = new int[0];
    /** The group key vectors of the current batch (reused: no allocation per batch). */
    private FieldVector[] keyVectors;
    /** Per constant group column: its value (one row, taken from the first input row), else null. */
    private FieldVector[] constants;
    /** Whether any row was aggregated (with only constant group columns: whether the one group exists). */
    private boolean sawRow;
    private boolean ended;

    public HashAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType) {
        this(inputType, groupFields, aggregates, outputType, null);
    }

    /**
     * An aggregation whose user-defined aggregate functions come opened from {@code sharedUserAggregates} (null:
     * it opens and closes its own), for an operator running one aggregation per window pane.
     */
    public HashAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType, SharedUserAggregates sharedUserAggregates) {
        this(inputType, groupFields, aggregates, outputType, sharedUserAggregates, new int[0]);
    }

    /**
     * Like {@link #HashAggregateOperator(RowType, int[], List, RowType, SharedUserAggregates)}, where the group
     * columns at {@code constantGroupColumns} (positions in {@code groupFields}) are known to hold the same value in
     * every input row, e.g. the window columns of one window's pane: they are not hashed, their value is taken from
     * the first row. Results and checkpoints are the same as without them.
     */
    public HashAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType, SharedUserAggregates sharedUserAggregates, int[] constantGroupColumns) {
        this.hashedIndex = new int[groupFields.length];
        for (int p : constantGroupColumns) {
            if (inputType.type(groupFields[p]).root() != TypeRoot.NULL) {
                hashedIndex[p] = -1;
            }
        }
        int hashed = 0;
        for (int p = 0; p < groupFields.length; p++) {
            if (hashedIndex[p] >= 0) {
                hashedIndex[p] = hashed++;
            }
        }
        this.hashedFields = new int[hashed];
        for (int p = 0; p < groupFields.length; p++) {
            if (hashedIndex[p] >= 0) {
                hashedFields[hashedIndex[p]] = groupFields[p];
            }
        }
        this.sharedUserAggregates = sharedUserAggregates;
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
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = output;
        this.batchSize = context.batchSize();
        int n = aggregates.size();
        accumulators = new Accumulator[n];
        distinctFilters = new DistinctFilter[n];
        userArgs = new FieldVector[n][];
        if (hashedFields.length > 0) {
            groups = KeyHashTable.forGrouping(allocator, inputType.project(hashedFields).types());
            keyVectors = new FieldVector[hashedFields.length];
        }
        if (hashedFields.length < groupFields.length) {
            constants = new FieldVector[groupFields.length];
        }
        for (int k = 0; k < n; k++) {
            AggregateSpec spec = aggregates.get(k);
            int[] args = spec.argFields();
            LogicalType argType = args.length == 0 ? null : inputType.type(args[0]);
            accumulators[k] = Accumulators.create(spec, argType, context, sharedUserAggregates);
            if (spec.kind() == AggregateKind.USER_DEFINED) {
                userArgs[k] = new FieldVector[args.length];
            }
            if (spec.distinct() && args.length > 0) {
                distinctFilters[k] = new DistinctFilter(inputType.project(args).types(), allocator);
            }
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            if (ended) {
                throw new IllegalStateException("batch after end of input");
            }
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("UPDATE/DELETE rows as input of a hash aggregation");
            }
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            if (groupIds.length < rows) {
                int n = Math.max(rows, 2 * groupIds.length);
                groupIds = new int[n];
                scratchIds = new int[n];
            }
            if (!sawRow) {
                captureConstants(batch);
            }
            sawRow = true;
            int groupCount;
            if (groups != null) {
                for (int c = 0; c < hashedFields.length; c++) {
                    keyVectors[c] = batch.vector(hashedFields[c]);
                }
                groups.findOrInsert(keyVectors, rows, groupIds);
                Arrays.fill(keyVectors, null); // the batch is closed below; keep no reference to it
                groupCount = groups.size();
            } else {
                Arrays.fill(groupIds, 0, rows, 0);
                groupCount = 1;
            }
            for (int k = 0; k < accumulators.length; k++) {
                accumulators[k].ensureCapacity(groupCount);
                AggregateSpec spec = aggregates.get(k);
                int[] args = spec.argFields();
                int[] ids = selectRows(spec, k, batch, rows);
                if (userArgs[k] != null) {
                    FieldVector[] vectors = userArgs[k];
                    for (int a = 0; a < args.length; a++) {
                        vectors[a] = batch.vector(args[a]);
                    }
                    ((ObjectAccumulator) accumulators[k]).accumulate(ids, vectors, rows);
                    Arrays.fill(vectors, null); // keep no reference to the batch
                    continue;
                }
                FieldVector arg = args.length == 1 ? batch.vector(args[0]) : null;
                if (spec.kind() != AggregateKind.COUNT || args.length <= 1) {
                    accumulators[k].accumulate(ids, arg, rows);
                } else {
                    accumulators[k].accumulate(ids, null, rows); // NULL rows were removed in selectRows
                }
            }
        }
    }

    /** The group ids of the rows aggregate {@code k} folds in (others -1), after FILTER, NULLs and DISTINCT. */
    private int[] selectRows(AggregateSpec spec, int k, RowBatch batch, int rows) {
        int[] args = spec.argFields();
        boolean multiArgCount = spec.kind() == AggregateKind.COUNT && args.length > 1;
        if (spec.filterField() < 0 && distinctFilters[k] == null && !multiArgCount) {
            return groupIds;
        }
        int[] ids = scratchIds;
        System.arraycopy(groupIds, 0, ids, 0, rows);
        if (spec.filterField() >= 0) {
            FieldVector filter = batch.vector(spec.filterField());
            ArrowBuf validity = filter.getValidityBuffer();
            ArrowBuf data = filter.getDataBuffer();
            for (int i = 0; i < rows; i++) {
                if (BitVectorHelper.get(validity, i) == 0 || BitVectorHelper.get(data, i) == 0) {
                    ids[i] = -1;
                }
            }
        }
        FieldVector[] argVectors = KeyHashTable.columnsOf(batch, args);
        if (distinctFilters[k] != null) {
            distinctFilters[k].apply(ids, argVectors, rows);
        } else if (multiArgCount) {
            for (FieldVector v : argVectors) {
                if (v instanceof NullVector) {
                    Arrays.fill(ids, 0, rows, -1);
                    break;
                }
                ArrowBuf validity = v.getValidityBuffer();
                for (int i = 0; i < rows; i++) {
                    if (BitVectorHelper.get(validity, i) == 0) {
                        ids[i] = -1;
                    }
                }
            }
        }
        return ids;
    }

    @Override
    public void endInput(int input) throws Exception {
        if (ended) {
            return;
        }
        ended = true;
        int groupCount = groupCount();
        for (Accumulator a : accumulators) {
            a.ensureCapacity(groupCount);
        }
        for (int start = 0; start < groupCount; start += batchSize) {
            output.emit(resultBatch(start, Math.min(batchSize, groupCount - start)));
        }
        releaseState();
    }

    private RowBatch resultBatch(int start, int count) {
        List<FieldVector> vectors = new ArrayList<>(outputType.size());
        try {
            for (int c = 0; c < outputType.size(); c++) {
                LogicalType type = outputType.type(c);
                FieldVector out = ArrowTypes.toField(outputType.name(c), type).createVector(allocator);
                vectors.add(out);
                if (c < groupFields.length) {
                    if (hashedIndex[c] < 0) {
                        fillConstant(constants[c], out, count);
                    } else if (type.root() != TypeRoot.NULL) {
                        groups.keyVector(hashedIndex[c]).makeTransferPair(out).splitAndTransfer(start, count);
                    }
                } else {
                    out.setInitialCapacity(count);
                    out.allocateNew();
                    accumulators[c - groupFields.length].write(start, count, out);
                }
                out.setValueCount(count);
            }
            return RowBatch.of(outputType, vectors, count);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeBoolean(ended);
        if (ended) {
            return; // results were emitted and the state released
        }
        int groupCount = groupCount();
        out.writeInt(groupCount);
        if (groupFields.length > 0) {
            writeKeys(out, groupCount);
        }
        for (Accumulator a : accumulators) {
            a.ensureCapacity(groupCount);
            a.snapshot(out, groupCount);
        }
        for (DistinctFilter f : distinctFilters) {
            if (f != null) {
                f.snapshot(out);
            }
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        if (in.readBoolean()) {
            ended = true;
            releaseState();
            return;
        }
        int groupCount = in.readInt();
        if (groupFields.length > 0) {
            try (RowBatch keys = in.readBatch(inputType.project(groupFields), allocator)) {
                sawRow = groupCount > 0;
                if (constants != null && sawRow) {
                    for (int c = 0; c < groupFields.length; c++) {
                        if (hashedIndex[c] < 0) {
                            constants[c] = constantOf(keys.vector(c), 0);
                        }
                    }
                }
                FieldVector[] columns = new FieldVector[hashedFields.length];
                for (int c = 0; c < groupFields.length; c++) {
                    if (hashedIndex[c] >= 0) {
                        columns[hashedIndex[c]] = keys.vector(c);
                    }
                }
                if (groups != null) {
                    int[] ids = new int[groupCount];
                    groups.findOrInsert(columns, groupCount, ids);
                    for (int i = 0; i < groupCount; i++) {
                        if (ids[i] != i) {
                            throw new IOException("state snapshot: group keys are not distinct");
                        }
                    }
                } else if (groupCount > 1) {
                    throw new IOException("state snapshot: " + groupCount + " groups of constant keys");
                }
            }
        }
        for (Accumulator a : accumulators) {
            a.restore(in);
            a.ensureCapacity(groupCount);
        }
        for (DistinctFilter f : distinctFilters) {
            if (f != null) {
                f.restore(in);
            }
        }
    }

    @Override
    public void restoreRescaled(List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        if (groupFields.length == 0 && snapshots.size() > 1) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a global aggregation from "
                    + snapshots.size() + " instances' state");
        }
        for (StateReader in : snapshots) {
            restoreOwned(in, owned);
        }
    }

    /**
     * Adds to this aggregation the groups {@code owned} accepts from one snapshot of an instance of a run at another
     * parallelism (a window operator calls this for each snapshot of each window's pane).
     */
    public void restoreOwned(StateReader in, io.sluice.runtime.state.KeyOwnership owned) throws IOException {
        if (in.readBoolean()) {
            return; // that instance had emitted its results: nothing to add
        }
        int n = in.readInt();
        int[] target = new int[n];
        if (groupFields.length == 0) {
            for (int g = 0; g < n; g++) {
                target[g] = g;
            }
        } else {
            try (RowBatch keys = in.readBatch(inputType.project(groupFields), allocator)) {
                boolean[] mine = owned.ownedRows(keys, groupFields, 0);
                int[] rows = new int[n];
                int m = 0;
                for (int r = 0; r < n; r++) {
                    target[r] = -1;
                    if (mine[r]) {
                        rows[m++] = r;
                    }
                }
                if (m > 0 && constants != null && !sawRow) {
                    for (int c = 0; c < groupFields.length; c++) {
                        if (hashedIndex[c] < 0) {
                            constants[c] = constantOf(keys.vector(c), rows[0]);
                        }
                    }
                }
                if (groups != null && m > 0) {
                    int before = groups.size();
                    try (RowBatch kept = io.sluice.runtime.operator.sort.VectorGather.gatherRows(keys, rows, 0, m,
                            allocator)) {
                        FieldVector[] columns = new FieldVector[hashedFields.length];
                        for (int c = 0; c < groupFields.length; c++) {
                            if (hashedIndex[c] >= 0) {
                                columns[hashedIndex[c]] = kept.vector(c);
                            }
                        }
                        int[] ids = new int[m];
                        groups.findOrInsert(columns, m, ids);
                        for (int i = 0; i < m; i++) {
                            if (ids[i] != before + i) {
                                throw new IOException("state snapshot: group keys are not distinct");
                            }
                            target[rows[i]] = ids[i];
                        }
                    }
                } else if (m > 0) {
                    if (m > 1 || sawRow) {
                        throw new IOException("state snapshot: several groups of constant keys");
                    }
                    target[rows[0]] = 0;
                }
                sawRow |= m > 0;
            }
        }
        int total = groupCount();
        for (Accumulator a : accumulators) {
            a.ensureCapacity(total);
            a.restoreRemapped(in, target);
        }
        for (DistinctFilter f : distinctFilters) {
            if (f != null) {
                f.restoreRemapped(in, target);
            }
        }
    }

    /** Groups so far: the hashed keys, else one (no group columns, or only constant ones and a row seen). */
    private int groupCount() {
        if (groups != null) {
            return groups.size();
        }
        return groupFields.length == 0 || sawRow ? 1 : 0;
    }

    /** Keeps the value of every constant group column of the first row of {@code batch}. */
    private void captureConstants(RowBatch batch) {
        if (constants == null) {
            return;
        }
        for (int c = 0; c < groupFields.length; c++) {
            if (hashedIndex[c] < 0) {
                constants[c] = constantOf(batch.vector(groupFields[c]), 0);
            }
        }
    }

    private FieldVector constantOf(FieldVector from, int row) {
        FieldVector v = from.getField().createVector(allocator);
        try {
            v.allocateNew();
            v.copyFromSafe(row, 0, from);
            v.setValueCount(1);
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private static void fillConstant(FieldVector constant, FieldVector out, int count) {
        out.setInitialCapacity(count);
        out.allocateNew();
        for (int i = 0; i < count; i++) {
            out.copyFromSafe(0, i, constant);
        }
    }

    /** Writes the group keys in group id order, constant columns repeated (the same format as without them). */
    private void writeKeys(StateWriter out, int groupCount) throws IOException {
        List<FieldVector> keys = new ArrayList<>(groupFields.length);
        List<FieldVector> filled = new ArrayList<>();
        try {
            for (int c = 0; c < groupFields.length; c++) {
                if (hashedIndex[c] >= 0) {
                    keys.add(groups.keyVector(hashedIndex[c]));
                    continue;
                }
                FieldVector v = ArrowTypes.toField(inputType.name(groupFields[c]), inputType.type(groupFields[c]))
                        .createVector(allocator);
                filled.add(v);
                if (groupCount > 0) {
                    fillConstant(constants[c], v, groupCount);
                } else {
                    v.allocateNew();
                }
                v.setValueCount(groupCount);
                keys.add(v);
            }
            out.writeColumns(inputType.project(groupFields), keys, groupCount);
        } finally {
            filled.forEach(FieldVector::close);
        }
    }

    private void releaseState() {
        if (constants != null) {
            for (FieldVector v : constants) {
                if (v != null) {
                    v.close();
                }
            }
            constants = null;
        }
        if (groups != null) {
            groups.close();
            groups = null;
        }
        if (accumulators != null) {
            for (Accumulator a : accumulators) {
                if (a != null) {
                    a.close();
                }
            }
            accumulators = null;
        }
        if (distinctFilters != null) {
            for (DistinctFilter f : distinctFilters) {
                if (f != null) {
                    f.close();
                }
            }
            distinctFilters = null;
        }
    }

    @Override
    public void close() {
        releaseState();
    }
}
