package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Streaming GROUP BY: an unbounded aggregation that emits the changed result of a group after every
 * input row, as Flink's group aggregate does without mini-batching (or once per mini-batch, see below).
 * Output rows are the group columns (in {@code groupFields} order) followed by one column per aggregate.
 *
 * <p>For each input row: the first row of a group emits {@code +I}; a later row emits {@code -U}
 * with the previous result and {@code +U} with the new one, or nothing when the result did not change;
 * when retractions ({@code -U}/{@code -D} input rows) bring a group's row count to zero, {@code -D}
 * with the last result is emitted and the group's state is dropped. A retraction for a group without
 * state is ignored. Rows are matched to groups a batch at a time through a {@link KeyHashTable};
 * results are written straight into the output vectors.
 *
 * <p><b>Mini-batch mode</b> ({@link MiniBatchSettings}, {@code table.exec.mini-batch.*}), as Flink's
 * mini-batch group aggregate: input batches are buffered (their rows' groups are looked up on arrival) and
 * processed a mini-batch at a time, a mini-batch being the next {@code size} buffered rows (a batch may be split
 * between two mini-batches, so the changelog does not depend on how the input is cut into batches), or all
 * buffered rows once the oldest has waited {@code allow-latency}. Each row updates the state exactly as in the
 * per-row mode, but only each touched group's net change is emitted, once per mini-batch, in the order the
 * mini-batch first touched the groups: {@code +I} for a new group, {@code -D} for one emptied by retractions,
 * {@code -U/+U} with the results before and after, nothing when the result did not change (or a group appeared
 * and disappeared within the mini-batch). The folded result equals the per-row mode's. The latency is checked
 * when a batch or a watermark arrives and on the executor's periodic processing-time callback
 * ({@link #onProcessingTime}), so buffered rows on an input that pauses are processed about {@code allow-latency}
 * after the oldest arrived (Flink fires a processing-time timer instead). The end of the
 * input and every checkpoint ({@link #prepareSnapshotPreBarrier}) process all buffered rows first, so a
 * snapshot never holds buffered rows.
 *
 * <p><b>Streaming semantics:</b> accepts any changelog; produces {@code [I,UB,UA,D]}. State: per group,
 * its key, a row counter and each aggregate's accumulator (MIN/MAX keep the multiset of values so
 * they can be retracted; DISTINCT aggregates keep a count per distinct value), held until the group
 * becomes empty. Watermarks are forwarded unchanged (in mini-batch mode, after processing the buffered rows when
 * the latency has passed). With no group fields there is one global group,
 * and an empty input emits nothing (batch mode's single row on empty input is
 * {@link HashAggregateOperator}'s). With {@code table.exec.state.ttl} set, a group's state expires when
 * it has not been written (created, or changed by an input row) for that long in processing time, as
 * Flink's state TTL does: an expired group behaves as absent (its next row emits {@code +I}, and a
 * retraction for it is ignored), no retraction is emitted for it, and an incremental cleanup after
 * each batch frees the state of a bounded number of expired groups (their keys stay in the key table,
 * as for groups emptied by retractions). A checkpoint saves each group's last write time. A
 * user-defined aggregate function keeps one accumulator object per group
 * ({@link RetractableObjectAccumulator}): {@code -U/-D} rows call its {@code retract}; it sees NULL arguments
 * itself (except under DISTINCT, where rows with a NULL argument are skipped as for built-ins); its function
 * instance is opened in {@link #open} and closed in {@link #close}.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * groups live in the job's keyed-state backend, one value per group key ({@link KeyedGroupState}), so the state may
 * be larger than the heap. The key table then numbers a bounded set of recently used groups (slots): a group's value
 * is read once, before the first row that needs it, its rows are folded exactly as above (the changelog is the
 * same), and once the slots hold more than {@link #MAX_CACHED_GROUPS} groups or {@link #MAX_CACHED_BYTES} bytes of
 * read values, or {@link #MAX_CACHED_INPUT_BYTES} bytes of input were folded into them, every changed group is
 * written back (or deleted, when emptied or expired) and the key table starts
 * again; a checkpoint writes them back first. So a batch costs at most one read and one write per distinct group, and
 * a group that many batches touch (a few hot keys, or a global aggregate) is read and written once per round, not
 * once per batch. An expired group is deleted when its key is next read. Checkpoints hold the backend's snapshot; a
 * restore at another parallelism keeps the group keys the exchange now routes to the instance.
 */
public final class GroupAggregateOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.operator.UpdateBeforeOptional, io.sluice.runtime.state.AsyncCheckpointedOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;
    /** Null: a change per input row; else the mini-batch triggers. */
    private final MiniBatchSettings miniBatch;

    private BufferAllocator allocator;
    private Output output;
    /** No consumer needs {@code -U} rows (an upsert sink): leave them out. */
    private boolean dropUpdateBefore;
    private KeyHashTable groups;
    private RetractableAccumulator[] accumulators;
    /** The DISTINCT aggregates' counts of each distinct argument value per group. */
    private DistinctValueCounts distinctCounts;
    /** Numbers the rows folded, so the DISTINCT aggregates of one row share their value lookups. */
    private long rowSeq;
    /** Per user-defined aggregate, its argument vectors of the current batch (reused), else null. */
    private FieldVector[][] userArgs;
    /** Per aggregate, from its spec: the FILTER column (-1: none) and the argument columns. */
    private int[] filterFields;
    private int[][] argFields;
    private boolean[] distinctSpec;
    /** Per aggregate: its accumulator's {@link RetractableAccumulator#writesEverySlot}. */
    private boolean[] writesEverySlot;
    /** Per aggregate, bound to the batch being folded ({@link #bindBatch}): its FILTER vector, or null. */
    private BitVector[] filterVectors;
    /** Per aggregate, bound to the batch being folded: the vector its accumulator reads, or null. */
    private FieldVector[] argVectors;
    /** Per aggregate, bound to the batch being folded: its argument vectors that hold NULLs (null: none does). */
    private FieldVector[][] nullableArgs;
    /**
     * An unfiltered {@code COUNT(*)} is among the aggregates, so a row folded into a group that stays live always
     * changes the group's results: the per-row mode then neither compares the results before and after nor, when
     * {@code -U} rows are dropped, writes the results before.
     */
    private boolean alwaysChanges;
    /** The per-row mode's output batch being written: its result columns, and its key columns with their inputs. */
    private FieldVector[] resultOut;
    private FieldVector[] keyIn;
    private FieldVector[] keyOut;
    private long[] rowCounts = new long[0];
    private boolean[] live = new boolean[0];
    private long[] lastWrite = new long[0];
    private int[] groupIds = new int[0];
    private int groupCount;
    private int liveGroups;

    private LongSupplier clock = System::currentTimeMillis;
    private StateTtl ttl;
    /** The processing time of the batch being processed. */
    private long now;
    private int cleanupCursor;
    /** The planner said the input only inserts ({@link #assumeInsertOnlyInput}). */
    private boolean insertOnlyInput;
    /** Mini-batch mode: the rows not yet folded, and the groups the mini-batch being processed touches. */
    private MiniBatchBuffer buffer;
    private MiniBatchChanges changes;
    /** The groups' state after a mini-batch, for {@link MiniBatchChanges#emit}. */
    private final MiniBatchChanges.GroupResults groupResults = new MiniBatchChanges.GroupResults() {
        @Override
        public boolean isLive(int g) {
            return live[g];
        }

        @Override
        public void writeResults(int g, RowBatch out, int pos) {
            GroupAggregateOperator.this.writeResults(g, out, pos);
        }
    };

    /** Backend state: the most groups held in slots before they are written back. */
    static final int MAX_CACHED_GROUPS = 4096;
    /** Backend state: the most bytes of stored values read into slots before they are written back. */
    static final long MAX_CACHED_BYTES = 4L << 20;
    /**
     * Backend state: the most bytes of input (Arrow buffers) folded into slots before they are written back, which
     * bounds how much the decoded groups grow on the heap.
     */
    static final long MAX_CACHED_INPUT_BYTES = 16L << 20;
    private int maxCachedGroups = MAX_CACHED_GROUPS;
    private long maxCachedBytes = MAX_CACHED_BYTES;
    /** Bytes of input folded into slots since they were last written back. */
    private long cachedInputBytes;
    /** Marks a snapshot of backend state (a heap snapshot starts with its group count, never negative). */
    private static final int BACKEND_STATE = -1;
    /** Non-null when groups live in a keyed-state backend; the key table then numbers the slots being folded. */
    private KeyedGroupState keyed;
    /** Per slot (backend state): whether it was read from the backend, and whether the backend held a value. */
    private boolean[] loaded = new boolean[0];
    private boolean[] stored = new boolean[0];
    /** Per slot (backend state): whether a row changed it since it was read. */
    private boolean[] dirty = new boolean[0];
    /** Bytes of the stored values read into slots since they were last written back. */
    private long cachedBytes;
    /** The slots read since the last write-back, in the order they were read. */
    private int[] loadedSlots = new int[0];
    private int loadedCount;
    private final java.io.ByteArrayOutputStream valueBytes = new java.io.ByteArrayOutputStream(64);
    private final StateWriter valueWriter = new StateWriter(valueBytes);

    /** An aggregate that emits the change of every input row. */
    public GroupAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType) {
        this(inputType, groupFields, aggregates, outputType, null);
    }

    /** An aggregate in mini-batch mode when {@code miniBatch} is not null (see the class comment). */
    public GroupAggregateOperator(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType, MiniBatchSettings miniBatch) {
        this.miniBatch = miniBatch;
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
    public void dropUpdateBefore() {
        this.dropUpdateBefore = true;
    }

    /**
     * Told by the planner that the input only inserts: MIN and MAX then keep one value per group instead of every
     * distinct value ({@link InsertOnlyMinMax}); a batch with updates or deletes fails the job.
     */
    public GroupAggregateOperator assumeInsertOnlyInput() {
        this.insertOnlyInput = true;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = dropUpdateBefore ? new io.sluice.runtime.operator.UpdateBeforeFilter(output, allocator) : output;
        this.ttl = StateTtl.of(context.config(), clock);
        if (!io.sluice.runtime.state.keyed.KeyedStateBackends.isHeap(context.config())) {
            keyed = new KeyedGroupState(context, inputType, groupFields);
        }
        if (groupFields.length > 0) {
            groups = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
        }
        if (miniBatch != null) {
            buffer = new MiniBatchBuffer();
            changes = new MiniBatchChanges();
        }
        int n = aggregates.size();
        accumulators = new RetractableAccumulator[n];
        distinctCounts = new DistinctValueCounts(inputType, aggregates);
        userArgs = new FieldVector[n][];
        filterFields = new int[n];
        argFields = new int[n][];
        distinctSpec = new boolean[n];
        writesEverySlot = new boolean[n];
        filterVectors = new BitVector[n];
        argVectors = new FieldVector[n];
        nullableArgs = new FieldVector[n][];
        for (int k = 0; k < n; k++) {
            AggregateSpec spec = aggregates.get(k);
            int[] args = spec.argFields();
            filterFields[k] = spec.filterField();
            argFields[k] = args;
            distinctSpec[k] = spec.distinct();
            if (spec.kind() == AggregateKind.COUNT && args.length == 0 && spec.filterField() < 0 && !spec.distinct()) {
                alwaysChanges = true;
            }
            LogicalType argType = args.length == 0 ? null : inputType.type(args[0]);
            accumulators[k] = insertOnlyInput && (spec.kind() == AggregateKind.MIN || spec.kind() == AggregateKind.MAX)
                    ? new InsertOnlyMinMax(spec.kind() == AggregateKind.MAX, argType)
                    : RetractableAccumulators.create(spec, argType, context);
            if (spec.kind() == AggregateKind.USER_DEFINED) {
                userArgs[k] = new FieldVector[args.length];
            }
            writesEverySlot[k] = accumulators[k].writesEverySlot()
                    && outputType.type(groupFields.length + k).root() != TypeRoot.DECIMAL;
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        if (miniBatch != null) {
            bufferBatch(batch);
            return;
        }
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            now = ttl.now();
            aggregate(batch, rows);
            expireIncrementally(rows);
        }
    }

    /** Folds the rows of {@code batch} into their groups and emits the changes. */
    private void aggregate(RowBatch batch, int rows) throws Exception {
        if (groupIds.length < rows) {
            groupIds = new int[rows];
        }
        groupCount = assignGroups(batch, rows, groupIds);
        ensureCapacity(groupCount);
        bindBatch(batch);
        try {
            emitRows(batch, rows);
        } finally {
            bindBatch(null);
        }
        if (keyed != null) {
            cachedInputBytes += bufferBytes(batch);
            writeBackIfFull();
        }
    }

    /** Folds the rows of {@code batch}, whose group ids are assigned, and emits the changes. */
    private void emitRows(RowBatch batch, int rows) throws Exception {
        // an added row emits one row when -U rows are dropped and the results always change, else up to two
        int capacity = dropUpdateBefore && alwaysChanges && insertOnlyInput ? rows : 2 * rows;
        RowBatch out = RowBatch.allocate(outputType, allocator, capacity);
        TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
        out.setRowKinds(kinds);
        kinds.allocateNew(capacity);
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

    // ---------------------------------------------------------------- mini-batch mode

    /** Buffers {@code batch} (its group ids assigned now), then processes full mini-batches and late rows. */
    private void bufferBatch(RowBatch batch) throws Exception {
        int rows = batch.rowCount();
        if (rows == 0) {
            batch.close();
            return;
        }
        int[] ids = new int[rows];
        try {
            groupCount = assignGroups(batch, rows, ids);
            ensureCapacity(groupCount);
        } catch (Throwable t) {
            batch.close();
            throw t;
        }
        buffer.add(batch, ids, clock.getAsLong());
        int size = (int) Math.min(miniBatch.size(), Integer.MAX_VALUE);
        while (buffer.rows() >= size) {
            flush(size);
        }
        if (buffer.waitedAtLeast(miniBatch.allowLatencyMillis(), clock.getAsLong())) {
            flushAll();
        }
    }

    /** Processes every buffered row (nothing outside mini-batch mode). */
    private void flushAll() throws Exception {
        if (buffer != null && !buffer.isEmpty()) {
            flush(buffer.rows());
        }
    }

    /** Folds the oldest {@code limit} buffered rows into their groups, then emits each touched group's net change. */
    private void flush(int limit) throws Exception {
        int rows = Math.min(limit, buffer.rows());
        now = ttl.now();
        changes.begin(outputType, allocator, rows, groupCount);
        try {
            int remaining = rows;
            while (remaining > 0) {
                MiniBatchBuffer.Entry e = buffer.head();
                int end = Math.min(e.batch.rowCount(), e.offset + remaining);
                bindBatch(e.batch);
                if (keyed != null) {
                    cachedInputBytes += bufferBytes(e.batch) * (end - e.offset) / e.batch.rowCount();
                }
                try {
                    foldRows(e.batch, e.groupIds, e.offset, end);
                } finally {
                    bindBatch(null);
                }
                remaining -= end - e.offset;
                buffer.consumeHead(end);
            }
            changes.emit(outputType, groupFields.length, allocator, groupResults, output);
        } finally {
            changes.reset();
        }
        if (keyed != null) {
            writeBackIfFull();
        }
        expireIncrementally(rows);
    }

    /**
     * Folds rows {@code from..end-1} of {@code batch} into their groups exactly as {@link #processRows} does, but
     * emits nothing: the first time the mini-batch touches a group, its key and old results go to
     * {@link MiniBatchChanges#before()}.
     */
    private void foldRows(RowBatch batch, int[] ids, int from, int end) {
        RowBatch before = changes.before();
        for (int i = from; i < end; i++) {
            int g = ids[i];
            RowKind kind = batch.rowKind(i);
            boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
            if (keyed != null && !loaded[g]) {
                loadSlot(g);
            }
            if (live[g] && ttl.isExpired(lastWrite[g], now)) {
                dropGroup(g);
                markDirty(g);
            }
            if (!changes.isTouched(g)) {
                int slot = changes.touch(g, live[g]);
                writeKey(batch, i, before, slot);
                if (live[g]) {
                    writeResults(g, before, slot);
                }
            }
            boolean first = !live[g];
            if (first && !accumulate) {
                continue;
            }
            markDirty(g);
            rowSeq++;
            for (int k = 0; k < accumulators.length; k++) {
                fold(k, batch, i, g, accumulate);
            }
            rowCounts[g] += accumulate ? 1 : -1;
            lastWrite[g] = now;
            if (rowCounts[g] > 0) {
                if (first) {
                    live[g] = true;
                    liveGroups++;
                }
            } else {
                dropGroup(g);
            }
        }
    }


    /** Frees the state of the expired groups among the next few group ids (round robin). */
    private void expireIncrementally(int rows) {
        if (!ttl.enabled() || groupCount == 0 || keyed != null) {
            return;
        }
        int budget = Math.min(groupCount, ttl.cleanupBudget(rows));
        for (int n = 0; n < budget; n++) {
            if (cleanupCursor >= groupCount) {
                cleanupCursor = 0;
            }
            int g = cleanupCursor++;
            if (live[g] && ttl.isExpired(lastWrite[g], now)) {
                dropGroup(g);
            }
        }
    }

    /**
     * Points each aggregate at its FILTER and argument vectors of {@code batch}, and notes which arguments hold NULLs
     * (null: forget them).
     */
    private void bindBatch(RowBatch batch) {
        bindUserArguments(batch);
        for (int k = 0; k < argVectors.length; k++) {
            if (batch == null) {
                filterVectors[k] = null;
                argVectors[k] = null;
                nullableArgs[k] = null;
                continue;
            }
            AggregateSpec spec = aggregates.get(k);
            int[] args = argFields[k];
            filterVectors[k] = filterFields[k] >= 0 ? (BitVector) batch.vector(filterFields[k]) : null;
            argVectors[k] = args.length == 0 || (spec.kind() == AggregateKind.COUNT && args.length > 1)
                    ? null : batch.vector(args[0]);
            int nullable = 0;
            for (int a : args) {
                nullable += batch.vector(a).getNullCount() > 0 ? 1 : 0;
            }
            FieldVector[] withNulls = null;
            if (nullable > 0) {
                withNulls = new FieldVector[nullable];
                int n = 0;
                for (int a : args) {
                    if (batch.vector(a).getNullCount() > 0) {
                        withNulls[n++] = batch.vector(a);
                    }
                }
            }
            nullableArgs[k] = withNulls;
        }
    }

    /** Points each user-defined aggregate at its argument vectors of {@code batch} (null: forget them). */
    private void bindUserArguments(RowBatch batch) {
        for (int k = 0; k < userArgs.length; k++) {
            FieldVector[] vectors = userArgs[k];
            if (vectors != null) {
                int[] args = argFields[k];
                for (int a = 0; a < args.length; a++) {
                    vectors[a] = batch == null ? null : batch.vector(args[a]);
                }
            }
        }
    }

    /** Writes the group id of each of the first {@code rows} rows into {@code ids}; returns the group count. */
    private int assignGroups(RowBatch batch, int rows, int[] ids) {
        if (groups == null) {
            Arrays.fill(ids, 0, rows, 0);
            if (keyed != null) {
                keyed.recordKey(0, batch, 0);
            }
            return 1;
        }
        int before = groups.size();
        groups.findOrInsert(KeyHashTable.columnsOf(batch, groupFields), rows, ids);
        if (keyed != null) {
            int next = before; // new ids are given in row order
            for (int i = 0; i < rows && next < groups.size(); i++) {
                if (ids[i] == next) {
                    keyed.recordKey(next++, batch, i);
                }
            }
        }
        return groups.size();
    }

    // ---------------------------------------------------------------- state in a keyed-state backend

    /** Backend state: slot {@code g} must be written back. */
    private void markDirty(int g) {
        if (keyed != null) {
            dirty[g] = true;
        }
    }

    /** Reads slot {@code g}'s group from the backend into the (empty) slot. */
    private void loadSlot(int g) {
        byte[] value = keyed.load(g);
        loaded[g] = true;
        stored[g] = value != null;
        dirty[g] = false;
        loadedSlots[loadedCount++] = g;
        if (value == null) {
            return;
        }
        cachedBytes += value.length;
        StateReader in = new StateReader(new java.io.ByteArrayInputStream(value));
        try {
            rowCounts[g] = in.readLong();
            lastWrite[g] = in.readLong();
            for (RetractableAccumulator a : accumulators) {
                a.readGroup(g, in);
            }
            distinctCounts.readGroup(g, in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the stored state of a group of " + outputType, e);
        }
        live[g] = rowCounts[g] > 0;
    }

    /** The stored form of slot {@code g}'s group: row count, last write time, accumulators, DISTINCT counts. */
    private byte[] encodeGroup(int g) {
        valueBytes.reset();
        try {
            valueWriter.writeLong(rowCounts[g]);
            valueWriter.writeLong(lastWrite[g]);
            for (RetractableAccumulator a : accumulators) {
                a.writeGroup(g, valueWriter);
            }
            distinctCounts.writeGroup(g, valueWriter);
            valueWriter.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot serialize the state of a group of " + outputType, e);
        }
        return valueBytes.toByteArray();
    }

    /** Bytes of the Arrow buffers of {@code batch}. */
    private static long bufferBytes(RowBatch batch) {
        long bytes = 0;
        for (FieldVector v : batch.root().getFieldVectors()) {
            bytes += v.getBufferSize();
        }
        return bytes;
    }

    /** Writes the slots back and starts a new slot table once they hold too many groups or bytes. */
    private void writeBackIfFull() {
        if (groupCount > maxCachedGroups || cachedBytes > maxCachedBytes
                || cachedInputBytes > MAX_CACHED_INPUT_BYTES) {
            writeBack();
        }
    }

    /**
     * Writes every changed slot back to the backend (deletes emptied and expired groups), empties the slots and
     * starts a new slot table; the rows still buffered for a mini-batch get their slots in the new table.
     */
    private void writeBack() {
        for (int t = 0; t < loadedCount; t++) {
            int g = loadedSlots[t];
            if (dirty[g]) {
                if (live[g]) {
                    keyed.store(g, encodeGroup(g));
                } else if (stored[g]) {
                    keyed.store(g, null);
                }
            }
            dropGroup(g);
            loaded[g] = false;
            dirty[g] = false;
        }
        loadedCount = 0;
        cachedBytes = 0;
        cachedInputBytes = 0;
        keyed.forgetSlots(groupCount);
        if (groups != null) {
            groups.close();
            groups = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
        }
        groupCount = 0;
        if (buffer != null && !buffer.isEmpty()) {
            for (MiniBatchBuffer.Entry e : buffer.entries()) {
                groupCount = assignGroups(e.batch, e.batch.rowCount(), e.groupIds);
            }
            ensureCapacity(groupCount);
        }
    }

    private void ensureCapacity(int groupCount) {
        if (rowCounts.length < groupCount) {
            int n = Accumulator.newCapacity(rowCounts.length, groupCount);
            rowCounts = Arrays.copyOf(rowCounts, n);
            live = Arrays.copyOf(live, n);
            lastWrite = Arrays.copyOf(lastWrite, n);
            if (keyed != null) {
                loaded = Arrays.copyOf(loaded, n);
                stored = Arrays.copyOf(stored, n);
                dirty = Arrays.copyOf(dirty, n);
                loadedSlots = Arrays.copyOf(loadedSlots, n);
            }
        }
        distinctCounts.ensureCapacity(rowCounts.length);
        for (RetractableAccumulator a : accumulators) {
            a.ensureCapacity(groupCount);
        }
    }

    /** Folds each row into its group and writes the resulting changes from {@code out}'s row 0; returns the row count. */
    private int processRows(RowBatch batch, int rows, RowBatch out, TinyIntVector kinds) {
        bindOutput(batch, out);
        // no -U rows and results that change with every row: an added row emits only the group's new results
        boolean onlyAfter = dropUpdateBefore && alwaysChanges;
        int pos = 0;
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            RowKind kind = batch.rowKind(i);
            boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
            if (keyed != null && !loaded[g]) {
                loadSlot(g);
            }
            if (live[g] && ttl.isExpired(lastWrite[g], now)) {
                dropGroup(g); // expired state is never returned: the group starts again
                markDirty(g);
            }
            boolean first = !live[g];
            if (first && !accumulate) {
                continue;
            }
            markDirty(g);
            boolean after = onlyAfter && accumulate; // else -U is written, and dropped by the output's filter
            if (!first && !after) {
                writeKey(i, pos);
                writeResults(g, resultOut, pos);
            }
            rowSeq++;
            for (int k = 0; k < accumulators.length; k++) {
                fold(k, batch, i, g, accumulate);
            }
            rowCounts[g] += accumulate ? 1 : -1;
            lastWrite[g] = now;
            if (rowCounts[g] > 0) {
                if (first) {
                    live[g] = true;
                    liveGroups++;
                    writeKey(i, pos);
                    writeResults(g, resultOut, pos);
                    kinds.set(pos++, RowKind.INSERT.toByteValue());
                } else if (after) {
                    writeKey(i, pos);
                    writeResults(g, resultOut, pos);
                    kinds.set(pos++, RowKind.UPDATE_AFTER.toByteValue());
                } else {
                    writeKey(i, pos + 1);
                    writeResults(g, resultOut, pos + 1);
                    if (alwaysChanges || !resultsEqual(pos, pos + 1)) {
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

    /**
     * Applies row {@code i} to aggregate {@code k} of group {@code g}, honouring FILTER, NULLs and DISTINCT; the
     * batch's vectors are bound ({@link #bindBatch}).
     */
    private void fold(int k, RowBatch batch, int i, int g, boolean accumulate) {
        BitVector filter = filterVectors[k];
        if (filter != null && (filter.isNull(i) || filter.get(i) == 0)) {
            return;
        }
        FieldVector[] userArgs = this.userArgs[k];
        if (userArgs != null && !distinctSpec[k]) {
            RetractableObjectAccumulator udaf = (RetractableObjectAccumulator) accumulators[k];
            if (accumulate) {
                udaf.add(g, userArgs, i);
            } else {
                udaf.retract(g, userArgs, i);
            }
            return;
        }
        FieldVector[] nullable = nullableArgs[k];
        if (nullable != null) {
            for (FieldVector v : nullable) {
                if (v.isNull(i)) {
                    return;
                }
            }
        }
        FieldVector arg = argVectors[k];
        if (distinctCounts.isDistinct(k)) {
            if (!distinctCounts.update(k, g, rowSeq, batch, i, accumulate)) {
                return; // a value seen before, or not the last of its rows
            }
            if (accumulate) {
                add(k, g, arg, userArgs, i);
            } else {
                if (userArgs != null) {
                    ((RetractableObjectAccumulator) accumulators[k]).retract(g, userArgs, i);
                } else {
                    accumulators[k].retract(g, arg, i);
                }
            }
            return;
        }
        if (accumulate) {
            accumulators[k].add(g, arg, i);
        } else {
            accumulators[k].retract(g, arg, i);
        }
    }

    private void add(int k, int g, FieldVector arg, FieldVector[] userArgs, int i) {
        if (userArgs != null) {
            ((RetractableObjectAccumulator) accumulators[k]).add(g, userArgs, i);
        } else {
            accumulators[k].add(g, arg, i);
        }
    }

    /** Points {@link #writeKey(int, int)} and the result columns at {@code batch} and {@code out}. */
    private void bindOutput(RowBatch batch, RowBatch out) {
        if (resultOut == null) {
            resultOut = new FieldVector[accumulators.length];
            keyIn = new FieldVector[groupFields.length];
            keyOut = new FieldVector[groupFields.length];
        }
        for (int k = 0; k < resultOut.length; k++) {
            resultOut[k] = out.vector(groupFields.length + k);
        }
        for (int c = 0; c < groupFields.length; c++) {
            boolean typed = outputType.type(c).root() != TypeRoot.NULL;
            keyIn[c] = typed ? batch.vector(groupFields[c]) : null;
            keyOut[c] = typed ? out.vector(c) : null;
        }
    }

    /** Writes the group key of input row {@code i} of the bound batch at {@code pos} of the bound output. */
    private void writeKey(int i, int pos) {
        for (int c = 0; c < keyOut.length; c++) {
            if (keyOut[c] != null) {
                io.sluice.runtime.operator.sort.VectorGather.copy(keyIn[c], i, keyOut[c], pos);
            }
        }
    }

    /** Writes the group key of input row {@code i} at {@code pos}. */
    private void writeKey(RowBatch batch, int i, RowBatch out, int pos) {
        for (int c = 0; c < groupFields.length; c++) {
            if (outputType.type(c).root() != TypeRoot.NULL) {
                out.vector(c).copyFromSafe(i, pos, batch.vector(groupFields[c]));
            }
        }
    }

    /** Writes group {@code g}'s current results at {@code pos}. */
    private void writeResults(int g, RowBatch out, int pos) {
        for (int k = 0; k < accumulators.length; k++) {
            FieldVector v = out.vector(groupFields.length + k);
            VectorValues.setNull(v, pos);
            accumulators[k].write(g, v, pos);
        }
    }

    /**
     * Writes group {@code g}'s current results at {@code pos} of the result columns {@code out}, which have room for
     * it: a slot is cleared first only for an accumulator that may leave it as it was.
     */
    private void writeResults(int g, FieldVector[] out, int pos) {
        for (int k = 0; k < out.length; k++) {
            FieldVector v = out[k];
            if (!writesEverySlot[k]) {
                VectorValues.setNull(v, pos);
            }
            accumulators[k].write(g, v, pos);
        }
    }

    /** Whether rows {@code a} and {@code b} of the bound result columns are equal. */
    private boolean resultsEqual(int a, int b) {
        for (FieldVector v : resultOut) {
            if (!io.sluice.runtime.data.VectorSlots.equal(v, a, v, b)) {
                return false;
            }
        }
        return true;
    }

    private void dropGroup(int g) {
        if (live[g]) {
            live[g] = false;
            liveGroups--;
        }
        rowCounts[g] = 0;
        for (int k = 0; k < accumulators.length; k++) {
            accumulators[k].clear(g);
        }
        distinctCounts.clear(g);
    }

    /** Number of groups holding state, for metrics and tests (-1 when they are kept in a state backend). */
    public int liveGroups() {
        return keyed != null ? -1 : liveGroups;
    }

    /** Number of distinct-value counters held by DISTINCT aggregates over all groups, for tests. */
    int distinctEntries() {
        return distinctCounts.entries();
    }

    /** Backend state: writes the slots back once they hold more than {@code groups} groups or {@code bytes} bytes. */
    void setWriteBackLimits(int groups, long bytes) {
        this.maxCachedGroups = groups;
        this.maxCachedBytes = bytes;
    }

    /** Replaces the processing-time clock (epoch millis) used for state TTL; call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void endInput(int input) throws Exception {
        flushAll();
    }

    /** Mini-batch mode: processes the buffered rows, so a checkpoint's state holds them all. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flushAll();
    }

    /** Mini-batch mode only: the buffered rows must be processed once their latency has passed. */
    @Override
    public boolean wantsProcessingTime() {
        return miniBatch != null;
    }

    /**
     * Mini-batch mode: processes the buffered rows when the oldest has waited the allowed latency (by this
     * operator's clock, the one that timed the rows' arrival).
     */
    @Override
    public void onProcessingTime(long nowMillis, Output output) throws Exception {
        if (miniBatch != null && buffer.waitedAtLeast(miniBatch.allowLatencyMillis(), clock.getAsLong())) {
            flushAll();
        }
    }

    /** Mini-batch mode: processes the buffered rows when the oldest has waited the allowed latency. */
    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        if (miniBatch != null && buffer.waitedAtLeast(miniBatch.allowLatencyMillis(), clock.getAsLong())) {
            flushAll();
        }
        output.emitWatermark(watermark);
    }

    /**
     * Freezes the groups at a checkpoint barrier (see {@link io.sluice.runtime.state.AsyncCheckpointedOperator}): with
     * a keyed-state backend, the backend's frozen snapshot after the cached groups are written back; on the heap,
     * the group keys as slices of the key table's vectors (which only appends keys), written on the snapshot thread,
     * and the per-group counters and accumulators serialized now.
     */
    @Override
    public io.sluice.runtime.state.StateSnapshot snapshotStateAsync() throws IOException {
        if (buffer != null && !buffer.isEmpty()) {
            throw new IllegalStateException("mini-batch of " + buffer.rows() + " rows not processed before the"
                    + " snapshot (prepareSnapshotPreBarrier was not called)");
        }
        if (keyed != null) {
            writeBack();
            io.sluice.runtime.state.keyed.KeyedStateSnapshot backend = keyed.snapshotAsync();
            return new io.sluice.runtime.state.StateSnapshot() {
                @Override
                public void write(StateWriter out) throws Exception {
                    out.writeInt(BACKEND_STATE);
                    out.writeSized(backend::writeTo);
                }

                @Override
                public void close() {
                    backend.close();
                }
            };
        }
        int count = groupCount;
        java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
        StateWriter restOut = new StateWriter(rest);
        restOut.writeBooleans(live, count);
        restOut.writeLongs(rowCounts, count);
        restOut.writeLongs(lastWrite, count);
        for (RetractableAccumulator a : accumulators) {
            a.snapshot(restOut, count);
        }
        distinctCounts.snapshot(restOut, count);
        restOut.flush();
        byte[] restBytes = rest.toByteArray();
        io.sluice.runtime.state.FrozenColumns keys = groups == null ? null
                : io.sluice.runtime.operator.keys.KeyTableState.freeze(groups, inputType.project(groupFields), count);
        return new io.sluice.runtime.state.StateSnapshot() {
            @Override
            public void write(StateWriter out) throws IOException {
                out.writeInt(count);
                if (keys != null) {
                    keys.write(out);
                }
                out.writeRaw(restBytes);
            }

            @Override
            public void close() {
                if (keys != null) {
                    keys.close();
                }
            }
        };
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        int n = in.readInt();
        checkStateKind(n);
        if (keyed != null) {
            keyed.restore(in.readBytes());
            return;
        }
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
        long[] restoredWrites = in.readLongs();
        System.arraycopy(restoredLive, 0, live, 0, n);
        System.arraycopy(restoredCounts, 0, rowCounts, 0, n);
        System.arraycopy(restoredWrites, 0, lastWrite, 0, n);
        liveGroups = 0;
        for (int g = 0; g < n; g++) {
            liveGroups += live[g] ? 1 : 0;
        }
        for (RetractableAccumulator a : accumulators) {
            a.restore(in);
            a.ensureCapacity(n);
        }
        distinctCounts.restore(in, null);
    }

    /**
     * Restores the groups this instance owns from the snapshots of a run at another parallelism: each snapshot's
     * owned group keys are added to the key table, and their counts, accumulators and DISTINCT values follow them.
     */
    @Override
    public void restoreRescaled(List<io.sluice.runtime.state.StateReader> snapshots,
            io.sluice.runtime.state.KeyOwnership owned) throws IOException {
        if (groups == null && snapshots.size() > 1) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a global aggregation from "
                    + snapshots.size() + " instances' state");
        }
        if (keyed != null) {
            if (owned != null && owned.routing() != io.sluice.runtime.state.KeyOwnership.Routing.ALL
                    && !Arrays.equals(owned.inputKeys(0), groupFields)) {
                throw new io.sluice.table.api.UnsupportedFeatureException("restoring a group aggregate's backend"
                        + " state at another parallelism when its input is not partitioned by exactly the group keys");
            }
            List<byte[]> states = new ArrayList<>();
            for (StateReader in : snapshots) {
                checkStateKind(in.readInt());
                states.add(in.readBytes());
            }
            keyed.restoreRescaled(states, owned);
            return;
        }
        for (StateReader in : snapshots) {
            int n = in.readInt();
            checkStateKind(n);
            int[] target = new int[n];
            if (groups != null) {
                target = io.sluice.runtime.operator.keys.KeyTableState.restoreOwned(in, groups,
                        inputType.project(groupFields), n, allocator, owned, groupFields, 0, "group keys");
            } else {
                for (int g = 0; g < n; g++) {
                    target[g] = g;
                }
            }
            int total = groups != null ? groups.size() : n;
            ensureCapacity(total);
            io.sluice.runtime.state.StateRemap.copy(in.readBooleans(), target, live);
            io.sluice.runtime.state.StateRemap.copy(in.readLongs(), target, rowCounts);
            io.sluice.runtime.state.StateRemap.copy(in.readLongs(), target, lastWrite);
            for (RetractableAccumulator a : accumulators) {
                a.restoreRemapped(in, target);
            }
            distinctCounts.restore(in, target);
            groupCount = total;
        }
        liveGroups = 0;
        for (int g = 0; g < groupCount; g++) {
            liveGroups += live[g] ? 1 : 0;
        }
    }

    /**
     * Fails clearly when a snapshot was written by the other state path: {@code marker} is the group count of a heap
     * snapshot, or {@link #BACKEND_STATE} for a backend one.
     */
    private void checkStateKind(int marker) {
        boolean backendState = marker == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a group aggregate whose state was"
                    + " taken with state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when groups are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        if (buffer != null) {
            buffer.close();
        }
        if (changes != null) {
            changes.close();
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
        }
        accumulators = null;
        distinctCounts = null;
    }
}
