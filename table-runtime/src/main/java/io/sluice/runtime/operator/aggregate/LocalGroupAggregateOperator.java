package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The local phase of a two-phase streaming GROUP BY ({@code table.optimizer.agg-phase-strategy}), as Flink's
 * local group aggregate: it folds the rows of one mini-batch per group into fresh accumulators, and at the end of
 * the mini-batch emits one row per group it saw, holding the group key, each aggregate's accumulator
 * ({@link PartialAggregates#partialTypes}) and, when {@code countRows} is set, the signed number of rows folded
 * ({@code +I/+U} count 1, {@code -U/-D} count -1). It keeps no state between mini-batches, so a hot key costs one
 * row per mini-batch and instance downstream instead of one per input row.
 *
 * <p>A mini-batch ends after {@code size} rows (a batch may be split between two, so the output does not depend on
 * how the input is cut into batches), when its oldest row has waited {@code allow-latency} (checked when a batch or a
 * watermark arrives and on the executor's processing-time callback), at the end of the input and before every
 * checkpoint barrier (so the operator has nothing to save). FILTER, NULL arguments and {@code COUNT(*)} are handled
 * as in {@link GroupAggregateOperator}; DISTINCT and user-defined aggregates are not mergeable and never planned
 * here. Emits insert rows only; watermarks are forwarded after the buffered groups are emitted.
 */
public final class LocalGroupAggregateOperator implements StreamOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final boolean countRows;
    private final boolean insertOnlyInput;
    private final RowType outputType;
    private final MiniBatchSettings miniBatch;
    /** {@code 0 .. groupFields.length-1}. */
    private final int[] keyColumns;

    private OperatorContext context;
    private BufferAllocator allocator;
    private Output output;
    private KeyHashTable groups;
    private RetractableAccumulator[] accumulators;
    private long[] rowCounts = new long[0];
    private int groupCount;
    private int[] groupIds = new int[0];
    /** Rows folded since the last emission, and when the first of them arrived. */
    private long pendingRows;
    private long firstArrival;
    private LongSupplier clock = System::currentTimeMillis;

    /**
     * @param outputType the group columns, then each aggregate's partial columns, then (when {@code countRows}) a
     *     BIGINT row count
     * @param miniBatch the mini-batch triggers (two-phase aggregation needs mini-batch mode)
     */
    public LocalGroupAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            boolean countRows, boolean insertOnlyInput, RowType outputType, MiniBatchSettings miniBatch) {
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.aggregates = List.copyOf(aggregates);
        this.countRows = countRows;
        this.insertOnlyInput = insertOnlyInput;
        this.outputType = outputType;
        this.keyColumns = java.util.stream.IntStream.range(0, groupFields.length).toArray();
        this.miniBatch = java.util.Objects.requireNonNull(miniBatch, "two-phase aggregation needs mini-batch mode");
        int width = groupFields.length + (countRows ? 1 : 0);
        for (AggregateSpec spec : aggregates) {
            List<LogicalType> partial = PartialAggregates.partialTypes(spec, argType(spec), insertOnlyInput);
            if (partial == null) {
                throw new IllegalArgumentException("not a mergeable aggregate call: " + spec);
            }
            width += partial.size();
        }
        if (outputType.size() != width) {
            throw new IllegalArgumentException("output type " + outputType + " does not have " + width + " columns");
        }
    }

    private LogicalType argType(AggregateSpec spec) {
        int[] args = spec.argFields();
        return args.length == 0 ? null : inputType.type(args[0]);
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.allocator = context.allocator();
        this.output = output;
        startMiniBatch();
    }

    /** Fresh groups and accumulators for the next mini-batch. */
    private void startMiniBatch() {
        if (groups != null) {
            groups.close();
            groups = null;
        }
        if (groupFields.length > 0) {
            groups = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
        }
        closeAccumulators();
        accumulators = new RetractableAccumulator[aggregates.size()];
        for (int k = 0; k < accumulators.length; k++) {
            AggregateSpec spec = aggregates.get(k);
            accumulators[k] = PartialAggregates.create(spec, argType(spec), insertOnlyInput, true, context);
        }
        groupCount = 0;
        pendingRows = 0;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            int from = 0;
            long size = miniBatch.size();
            while (from < rows) {
                if (pendingRows == 0) {
                    firstArrival = clock.getAsLong();
                }
                int end = (int) Math.min(rows, from + (size - pendingRows));
                fold(batch, from, end);
                pendingRows += end - from;
                from = end;
                if (pendingRows >= size) {
                    emit();
                }
            }
        }
        emitIfLate();
    }

    /** Folds rows {@code from..end-1} of {@code batch} into the mini-batch's groups. */
    private void fold(RowBatch batch, int from, int end) {
        int rows = end - from;
        if (groupIds.length < rows) {
            groupIds = new int[rows];
        }
        if (groups == null) {
            java.util.Arrays.fill(groupIds, 0, rows, 0);
            groupCount = 1;
        } else {
            if (from > 0) {
                try (RowBatch keys = sliceKeys(batch, from, rows)) {
                    groups.findOrInsert(KeyHashTable.columnsOf(keys, keyColumns), rows, groupIds);
                }
            } else {
                groups.findOrInsert(KeyHashTable.columnsOf(batch, groupFields), rows, groupIds);
            }
            groupCount = groups.size();
        }
        ensureCapacity(groupCount);
        for (int r = 0; r < rows; r++) {
            int i = from + r;
            int g = groupIds[r];
            RowKind kind = batch.rowKind(i);
            boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
            for (int k = 0; k < accumulators.length; k++) {
                foldCall(k, batch, i, g, accumulate);
            }
            rowCounts[g] += accumulate ? 1 : -1;
        }
    }

    /** The group keys of rows {@code from..from+rows-1} of {@code batch}, copied into a batch of their own. */
    private RowBatch sliceKeys(RowBatch batch, int from, int rows) {
        RowType keyType = inputType.project(groupFields);
        RowBatch out = RowBatch.allocate(keyType, allocator, rows);
        for (int c = 0; c < groupFields.length; c++) {
            if (keyType.type(c).root() == TypeRoot.NULL) {
                continue;
            }
            FieldVector src = batch.vector(groupFields[c]);
            FieldVector dst = out.vector(c);
            for (int r = 0; r < rows; r++) {
                dst.copyFromSafe(from + r, r, src);
            }
        }
        out.setRowCount(rows);
        return out;
    }

    /** Applies row {@code i} to aggregate {@code k} of group {@code g}, honouring FILTER and NULL arguments. */
    private void foldCall(int k, RowBatch batch, int i, int g, boolean accumulate) {
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
        if (accumulate) {
            accumulators[k].add(g, arg, i);
        } else {
            accumulators[k].retract(g, arg, i);
        }
    }

    private void ensureCapacity(int groups) {
        if (rowCounts.length < groups) {
            rowCounts = java.util.Arrays.copyOf(rowCounts, Accumulator.newCapacity(rowCounts.length, groups));
        }
        for (RetractableAccumulator a : accumulators) {
            a.ensureCapacity(groups);
        }
    }

    /** Emits one row per group of the mini-batch (in the order the groups first appeared), then starts the next. */
    private void emit() throws Exception {
        if (pendingRows == 0) {
            return;
        }
        int n = groupCount;
        RowBatch out = RowBatch.allocate(outputType, allocator, Math.max(n, 1));
        try {
            for (int c = 0; c < groupFields.length; c++) {
                if (outputType.type(c).root() == TypeRoot.NULL) {
                    continue;
                }
                FieldVector key = groups.keyVector(c);
                FieldVector dst = out.vector(c);
                for (int g = 0; g < n; g++) {
                    dst.copyFromSafe(g, g, key);
                }
            }
            int col = groupFields.length;
            for (int k = 0; k < accumulators.length; k++) {
                AggregateSpec spec = aggregates.get(k);
                int width = PartialAggregates.partialTypes(spec, argType(spec), insertOnlyInput).size();
                FieldVector[] partial = new FieldVector[width];
                for (int p = 0; p < width; p++) {
                    partial[p] = out.vector(col + p);
                }
                for (int g = 0; g < n; g++) {
                    for (FieldVector v : partial) {
                        VectorValues.setNull(v, g);
                    }
                    accumulators[k].writePartial(g, partial, g);
                }
                col += width;
            }
            if (countRows) {
                FieldVector counts = out.vector(col);
                for (int g = 0; g < n; g++) {
                    Values.writeLong(counts, g, rowCounts[g]);
                }
            }
            out.setRowCount(n);
        } catch (Throwable t) {
            out.close();
            throw t;
        }
        java.util.Arrays.fill(rowCounts, 0, n, 0L);
        startMiniBatch();
        output.emit(out);
    }

    private void emitIfLate() throws Exception {
        if (pendingRows > 0 && clock.getAsLong() - firstArrival >= miniBatch.allowLatencyMillis()) {
            emit();
        }
    }

    /** Replaces the processing-time clock (epoch millis) that times the mini-batch latency; call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        emitIfLate();
        output.emitWatermark(watermark);
    }

    @Override
    public boolean wantsProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long nowMillis, Output output) throws Exception {
        emitIfLate();
    }

    /** Emits the buffered groups, so a checkpoint finds nothing to save. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        emit();
    }

    /** Nothing outlives a mini-batch, and every checkpoint barrier ends one. */
    @Override
    public boolean isStateless() {
        return true;
    }

    @Override
    public void endInput(int input) throws Exception {
        emit();
    }

    private void closeAccumulators() {
        if (accumulators != null) {
            for (RetractableAccumulator a : accumulators) {
                if (a != null) {
                    a.close();
                }
            }
            accumulators = null;
        }
    }

    @Override
    public void close() {
        if (groups != null) {
            groups.close();
            groups = null;
        }
        closeAccumulators();
    }
}
