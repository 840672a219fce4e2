package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.keys.KeyTableState;
import io.sluice.runtime.operator.sort.RowComparator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.KeyedSlotState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Streaming Top-N: {@code ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) AS rn ... WHERE rn BETWEEN
 * rankStart AND rankEnd}. Output rows are the input columns, followed by the rank number (BIGINT) when
 * {@code outputRankNumber}. Rows with equal order keys rank in arrival order (the earlier row first).
 *
 * <p>Every partition keeps its rows in rank order as a list of ids into a columnar {@link RowStore};
 * a batch's rows are matched to partitions through a {@link KeyHashTable}, then each row is placed by
 * binary search with a typed {@link RowComparator} and its changes are emitted at once, as Flink's
 * {@code AppendOnlyTopNFunction} and {@code RetractableTopNFunction} do:
 * <ul>
 *   <li>With rank numbers (or with {@code rankStart > 1}): a row entering at rank {@code r} emits, for
 *   each rank {@code k} from {@code r} down to the last filled rank within {@code rankEnd}, {@code -U}
 *   with the row that held rank {@code k} and {@code +U} with the row that holds it now, then {@code +I}
 *   for the rank that was empty, if any; a retracted row at rank {@code r} emits the same {@code -U/+U}
 *   pairs as rows move up, then {@code -D} for the last rank that became empty. Only ranks within
 *   {@code [rankStart, rankEnd]} are emitted.</li>
 *   <li>Without rank numbers: an entering row emits {@code -D} for the row it pushes out of the top N
 *   (if any), then {@code +I} for itself; a retracted top-N row emits {@code -D} for itself, then
 *   {@code +I} for the row that moves up into the top N (if any).</li>
 * </ul>
 * A retraction matches the first stored row with the same order key that is equal in every column;
 * a retraction that matches no row is ignored (as Flink does by default).
 *
 * <p><b>Streaming semantics:</b> with {@code inputInsertOnly} the input must be insert-only and each
 * partition keeps only its top {@code rankEnd} rows; otherwise the input may be any changelog
 * ({@code +U} counts as an insert, {@code -U} as a delete) and each partition keeps all its rows.
 * Produces {@code [I,UB,UA]} for insert-only input with rank numbers, {@code [I,D]} without rank
 * numbers, and {@code [I,UB,UA,D]} for updating input with rank numbers or any input with
 * {@code rankStart > 1}. State: the rows above, per partition. With {@code table.exec.state.ttl} set,
 * a partition's state expires when it has not been written (a row stored in or removed from it) for
 * that long in processing time, as Flink's state TTL does: an expired partition behaves as empty (its
 * next row enters at rank 1 with {@code +I}; a retraction for it is ignored), no retraction is emitted
 * for its rows, and an incremental cleanup after each batch frees a bounded number of expired
 * partitions' rows. Watermarks are
 * forwarded unchanged. Only {@link RankType#ROW_NUMBER} is supported, as in Flink's streaming mode. A
 * checkpoint saves the partition table (keys in id order) and per partition its rows in rank order and
 * its last write time.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * each partition is one value in the job's keyed-state backend under its partition key ({@link KeyedSlotState}):
 * its last write time and its rows in rank order. The partition table then numbers a bounded set of recently used
 * partitions: a partition is read once, before the first row that needs it, its rows are ranked exactly as above
 * (the changelog is the same), and once more than {@link KeyedSlotState#MAX_SLOTS} partitions or
 * {@link #MAX_CACHED_ROW_BYTES} bytes of rows are held, and before every checkpoint, the changed partitions are
 * written back (an emptied or expired one is deleted) and the table starts again. An expired partition is deleted
 * when its key is next read. Checkpoints hold the backend's snapshot; a restore at another parallelism keeps the
 * partitions the exchange now routes to the instance.
 */
public final class RankOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.operator.UpdateBeforeOptional {
    /** No consumer needs {@code -U} rows (an upsert sink): leave them out. */
    private boolean dropUpdateBefore;

    private final RowType inputType;
    private final int[] partitionFields;
    private final SortKey[] orderKeys;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private final boolean inputInsertOnly;
    private final boolean rowNumberMode;
    private final RowType outputType;

    private BufferAllocator allocator;
    private ChangelogWriter writer;
    private RowStore store;
    private PartitionLists lists;
    private KeyHashTable partitions;
    private RowComparator comparator;
    private int[] partitionIds = new int[0];
    /** Per partition id: the processing time its state was last written. */
    private long[] writeTime = new long[0];
    private int partitionCount;

    private LongSupplier clock = System::currentTimeMillis;
    private StateTtl ttl;
    private long now;
    private int cleanupCursor;

    /** Backend state: the most bytes of rows held in slots before they are written back. */
    static final long MAX_CACHED_ROW_BYTES = 16L << 20;
    /** Marks a snapshot of backend state (a heap snapshot starts with its partition count, never negative). */
    private static final int BACKEND_STATE = -1;
    /** Non-null when partitions live in a keyed-state backend; the partition table then numbers slots. */
    private KeyedSlotState keyed;
    private StoredRowCodec rowCodec;
    private final ByteArrayOutputStream valueBytes = new ByteArrayOutputStream(256);
    private final DataOutputStream valueData = new DataOutputStream(valueBytes);
    private final StateWriter valueWriter = new StateWriter(valueBytes);
    private int maxSlots = KeyedSlotState.MAX_SLOTS;
    private long maxRowBytes = MAX_CACHED_ROW_BYTES;

    /**
     * A Top-N operator.
     *
     * @param inputType the input rows
     * @param partitionFields the PARTITION BY columns (none: one global partition)
     * @param orderKeys the ORDER BY keys of the ranking function
     * @param rankType the ranking function; only {@link RankType#ROW_NUMBER} is supported
     * @param rankStart the first rank emitted (1-based, inclusive)
     * @param rankEnd the last rank emitted (inclusive)
     * @param outputRankNumber whether the output ends with the rank number (BIGINT NOT NULL)
     * @param inputInsertOnly whether the input is insert-only (only the top {@code rankEnd} rows are kept)
     * @param outputType the input columns, plus the rank number column when {@code outputRankNumber}
     * @throws UnsupportedFeatureException for {@code RANK()} and {@code DENSE_RANK()}
     */
    public RankOperator(RowType inputType, int[] partitionFields, SortKey[] orderKeys, RankType rankType,
            long rankStart, long rankEnd, boolean outputRankNumber, boolean inputInsertOnly,
            RowType outputType) {
        if (rankType != RankType.ROW_NUMBER) {
            throw new UnsupportedFeatureException(rankType + "() in a streaming Top-N query (use ROW_NUMBER())");
        }
        if (rankStart < 1 || rankEnd < rankStart) {
            throw new IllegalArgumentException("invalid rank range [" + rankStart + ", " + rankEnd + "]");
        }
        int expected = inputType.size() + (outputRankNumber ? 1 : 0);
        if (outputType.size() != expected) {
            throw new IllegalArgumentException("output type " + outputType + " should have " + expected + " columns");
        }
        if (outputRankNumber && outputType.type(inputType.size()).root() != TypeRoot.BIGINT) {
            throw new IllegalArgumentException("the rank number column must be BIGINT: " + outputType);
        }
        this.inputType = inputType;
        this.partitionFields = partitionFields.clone();
        this.orderKeys = orderKeys.clone();
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
        this.outputRankNumber = outputRankNumber;
        this.inputInsertOnly = inputInsertOnly;
        this.rowNumberMode = outputRankNumber || rankStart > 1;
        this.outputType = outputType;
    }

    /** A {@code ROW_NUMBER()} Top-N operator; see the full constructor. */
    public RankOperator(RowType inputType, int[] partitionFields, SortKey[] orderKeys, long rankStart,
            long rankEnd, boolean outputRankNumber, boolean inputInsertOnly, RowType outputType) {
        this(inputType, partitionFields, orderKeys, RankType.ROW_NUMBER, rankStart, rankEnd, outputRankNumber,
                inputInsertOnly, outputType);
    }

    @Override
    public void dropUpdateBefore() {
        this.dropUpdateBefore = true;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        ttl = StateTtl.of(context.config(), clock);
        allocator = context.allocator();
        if (dropUpdateBefore) {
            output = new io.sluice.runtime.operator.UpdateBeforeFilter(output, allocator);
        }
        writer = new ChangelogWriter(outputType, inputType.size(), outputRankNumber, context.allocator(), output,
                context.batchSize());
        if (dropUpdateBefore) {
            writer.skipUpdateBefore();
        }
        store = new RowStore(inputType, context.allocator());
        lists = new PartitionLists();
        if (partitionFields.length > 0) {
            partitions = KeyHashTable.forGrouping(context.allocator(), inputType.project(partitionFields).types());
        }
        comparator = new RowComparator(inputType, orderKeys);
        if (KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedSlotState(context, inputType, partitionFields, "sql-rank-key", "a Top-N");
            keyed.setLimits(maxSlots, KeyedSlotState.MAX_BYTES);
            rowCodec = new StoredRowCodec(inputType);
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            now = ttl.now();
            partitionCount = assignPartitions(batch, rows);
            lists.ensurePartitions(partitionCount);
            if (writeTime.length < lists.capacity()) {
                writeTime = Arrays.copyOf(writeTime, lists.capacity());
            }
            List<FieldVector> vectorList = batch.root().getFieldVectors();
            FieldVector[] in = vectorList.toArray(new FieldVector[0]);
            comparator.bind(vectorList, store.vectorList());
            TinyIntVector kinds = batch.rowKinds();
            for (int i = 0; i < rows; i++) {
                byte kind = kinds == null ? 0 : kinds.get(i);
                int p = partitionIds[i];
                if (keyed != null && !keyed.isLoaded(p)) {
                    loadPartition(p);
                }
                if (lists.size(p) > 0 && ttl.isExpired(writeTime[p], now)) {
                    forget(p); // expired state is never returned: the partition starts empty
                }
                if (kind == RowKind.INSERT.toByteValue() || kind == RowKind.UPDATE_AFTER.toByteValue()) {
                    accumulate(partitionIds[i], batch, in, i);
                } else if (inputInsertOnly) {
                    throw new IllegalStateException("Top-N over an insert-only input received a "
                            + RowKind.fromByteValue(kind).shortString() + " row");
                } else {
                    retract(partitionIds[i], in, i);
                }
            }
            writer.flush();
            expireIncrementally(rows);
        } catch (Throwable t) {
            writer.close(); // the rows not emitted point into the batch
            throw t;
        }
        if (store.isSparse()) {
            lists.renumber(store.compact());
        }
        if (keyed != null && (keyed.isFull(partitionCount) || store.sizeInBytes() > maxRowBytes)) {
            writeBack();
        }
    }

    // ---------------------------------------------------------------- state in a keyed-state backend

    /** Reads slot {@code p}'s partition from the backend into the (empty) slot. */
    private void loadPartition(int p) throws IOException {
        byte[] value = keyed.load(p);
        if (value == null) {
            return;
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(value);
        DataInputStream in = new DataInputStream(bytes);
        StateReader values = new StateReader(bytes);
        writeTime[p] = in.readLong();
        int size = in.readInt();
        for (int k = 0; k < size; k++) {
            lists.insert(p, k, store.add(rowCodec, in, values));
        }
    }

    /** The stored form of slot {@code p}'s partition (its write time and rows in rank order), or null if empty. */
    private byte[] encodePartition(int p) throws IOException {
        int size = lists.size(p);
        if (size == 0) {
            return null;
        }
        valueBytes.reset();
        valueData.writeLong(writeTime[p]);
        valueData.writeInt(size);
        for (int k = 0; k < size; k++) {
            store.write(lists.get(p, k), rowCodec, valueData, valueWriter);
        }
        valueData.flush();
        return valueBytes.toByteArray();
    }

    /** Writes the changed partitions back to the backend and empties the slots. */
    private void writeBack() {
        keyed.writeBack(this::encodePartition);
        store.close();
        store = new RowStore(inputType, allocator);
        lists = new PartitionLists();
        if (partitions != null) {
            partitions.close();
            partitions = KeyHashTable.forGrouping(allocator, inputType.project(partitionFields).types());
        }
        partitionCount = 0;
    }

    /** Backend state: writes back once more than {@code slots} partitions or {@code rowBytes} bytes are held. */
    void setWriteBackLimits(int slots, long rowBytes) {
        this.maxSlots = slots;
        this.maxRowBytes = rowBytes;
        if (keyed != null) {
            keyed.setLimits(slots, KeyedSlotState.MAX_BYTES);
        }
    }

    /** Whether the partitions live in a keyed-state backend (for tests). */
    boolean usesBackend() {
        return keyed != null;
    }

    /**
     * Fails clearly when a snapshot was written by the other state path: {@code marker} is the partition count of a
     * heap snapshot, or {@link #BACKEND_STATE} for a backend one.
     */
    private void checkStateKind(int marker) {
        boolean backendState = marker == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a Top-N whose state was taken with state.backend.type "
                    + (backendState ? "rocksdb" : "hashmap") + " under another state.backend.type; restore it with"
                    + " the backend it was taken with");
        }
    }

    /** Forgets partition {@code p}'s rows, emitting nothing. */
    private void forget(int p) {
        if (keyed != null) {
            keyed.markDirty(p);
        }
        for (int k = 0; k < lists.size(p); k++) {
            store.release(lists.get(p, k));
        }
        lists.clear(p);
    }

    /** Frees the rows of the expired partitions among the next few partition ids (round robin). */
    private void expireIncrementally(int rows) {
        if (!ttl.enabled() || keyed != null) {
            return;
        }
        int budget = Math.min(partitionCount, ttl.cleanupBudget(rows));
        for (int n = 0; n < budget; n++) {
            if (cleanupCursor >= partitionCount) {
                cleanupCursor = 0;
            }
            int p = cleanupCursor++;
            if (lists.size(p) > 0 && ttl.isExpired(writeTime[p], now)) {
                forget(p);
            }
        }
    }

    /** Replaces the processing-time clock (epoch millis) used for state TTL; call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Number of rows held in state over all partitions, for tests. */
    int storedRows() {
        return store.liveRows();
    }

    private int assignPartitions(RowBatch batch, int rows) {
        if (partitionIds.length < rows) {
            partitionIds = new int[rows];
        }
        if (partitions == null) {
            Arrays.fill(partitionIds, 0, rows, 0);
            if (keyed != null && !keyed.isLoaded(0)) {
                keyed.recordKey(0, batch, 0);
            }
            return 1;
        }
        int before = partitions.size();
        partitions.findOrInsert(KeyHashTable.columnsOf(batch, partitionFields), rows, partitionIds);
        if (keyed != null) {
            keyed.recordNewKeys(batch, rows, partitionIds, before, partitions.size());
        }
        return partitions.size();
    }

    /** Adds input row {@code i} to partition {@code p} and emits the changes of the partition's top N. */
    private void accumulate(int p, RowBatch batch, FieldVector[] in, int i) throws Exception {
        int size = lists.size(p);
        int pos = upperBound(p, i, 0, size);
        long rank = pos + 1L;
        if (rank <= rankEnd) {
            if (rowNumberMode) {
                emitEnterWithRowNumbers(p, in, i, rank, size);
            } else {
                emitEnter(p, in, i, size);
            }
        } else if (inputInsertOnly) {
            return; // can never enter the top N
        }
        lists.insert(p, pos, store.add(in, i));
        writeTime[p] = now;
        if (keyed != null) {
            keyed.markDirty(p);
        }
        if (inputInsertOnly && lists.size(p) > rankEnd) {
            int keep = (int) rankEnd;
            for (int k = keep; k < lists.size(p); k++) {
                store.release(lists.get(p, k));
            }
            lists.truncate(p, keep);
        }
    }

    /** Row {@code i} enters at {@code rank} of a partition holding {@code size} rows: shifts lower ranks down. */
    private void emitEnterWithRowNumbers(int p, FieldVector[] in, int i, long rank, int size) throws Exception {
        FieldVector[] state = store.vectors();
        long lastShifted = Math.min(size, rankEnd);
        for (long k = rank; k <= lastShifted; k++) {
            if (k < rankStart) {
                continue;
            }
            writer.add(state, lists.get(p, (int) k - 1), RowKind.UPDATE_BEFORE, k);
            if (k == rank) {
                writer.add(in, i, RowKind.UPDATE_AFTER, k);
            } else {
                writer.add(state, lists.get(p, (int) k - 2), RowKind.UPDATE_AFTER, k);
            }
        }
        long filled = size + 1L;
        if (filled <= rankEnd && filled >= rankStart) {
            if (rank == filled) {
                writer.add(in, i, RowKind.INSERT, filled);
            } else {
                writer.add(state, lists.get(p, size - 1), RowKind.INSERT, filled);
            }
        }
    }

    /** Row {@code i} enters the top N of a partition holding {@code size} rows, pushing out the last one. */
    private void emitEnter(int p, FieldVector[] in, int i, int size) throws Exception {
        if (size >= rankEnd) {
            writer.add(store.vectors(), lists.get(p, (int) rankEnd - 1), RowKind.DELETE, 0);
        }
        writer.add(in, i, RowKind.INSERT, 0);
    }

    /** Removes the stored row equal to input row {@code i} from partition {@code p} and emits the changes. */
    private void retract(int p, FieldVector[] in, int i) throws Exception {
        int size = lists.size(p);
        int from = lowerBound(p, i, 0, size);
        int to = upperBound(p, i, from, size);
        FieldVector[] state = store.vectors();
        int index = -1;
        for (int k = from; k < to; k++) {
            if (io.sluice.runtime.data.VectorSlots.rowsEqual(state, lists.get(p, k), in, i)) {
                index = k;
                break;
            }
        }
        if (index < 0) {
            return; // retraction of a row that is not held: ignored
        }
        long rank = index + 1L;
        if (rank <= rankEnd) {
            if (rowNumberMode) {
                long lastShifted = Math.min(size - 1L, rankEnd);
                for (long k = rank; k <= lastShifted; k++) {
                    if (k >= rankStart) {
                        writer.add(state, lists.get(p, (int) k - 1), RowKind.UPDATE_BEFORE, k);
                        writer.add(state, lists.get(p, (int) k), RowKind.UPDATE_AFTER, k);
                    }
                }
                if (size <= rankEnd && size >= rankStart) {
                    writer.add(state, lists.get(p, size - 1), RowKind.DELETE, size);
                }
            } else {
                writer.add(state, lists.get(p, index), RowKind.DELETE, 0);
                if (size > rankEnd) {
                    writer.add(state, lists.get(p, (int) rankEnd), RowKind.INSERT, 0);
                }
            }
        }
        store.release(lists.get(p, index));
        lists.remove(p, index);
        writeTime[p] = now;
        if (keyed != null) {
            keyed.markDirty(p);
        }
    }

    /** The first position in {@code [from, to)} of partition {@code p} whose row sorts after input row {@code i}. */
    private int upperBound(int p, int i, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(i, lists.get(p, mid)) < 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first position in {@code [from, to)} of partition {@code p} whose row does not sort before input row {@code i}. */
    private int lowerBound(int p, int i, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(i, lists.get(p, mid)) <= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Row ids in use by the state store, live and dead (for tests of compaction). */
    int storedRowIds() {
        return store.rowIds();
    }

    /** Bytes of state held, an estimate for metrics. */
    public long stateSizeInBytes() {
        long bytes = 4L * partitionIds.length + 8L * writeTime.length;
        if (store != null) {
            bytes += store.sizeInBytes() + lists.sizeInBytes();
        }
        if (partitions != null) {
            bytes += partitions.sizeInBytes();
        }
        if (keyed != null) {
            bytes += keyed.stateSizeBytes();
        }
        return bytes;
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        if (keyed != null) {
            writeBack();
            out.writeInt(BACKEND_STATE);
            out.writeBytes(keyed.snapshot());
            return;
        }
        out.writeInt(partitionCount);
        if (partitions != null) {
            KeyTableState.write(out, partitions, inputType.project(partitionFields), partitionCount);
        }
        int[] sizes = new int[partitionCount];
        int[] rowIds = new int[store.liveRows()];
        int n = 0;
        for (int p = 0; p < partitionCount; p++) {
            sizes[p] = lists.size(p);
            for (int k = 0; k < sizes[p]; k++) {
                rowIds[n++] = lists.get(p, k);
            }
        }
        out.writeInts(sizes, partitionCount);
        store.snapshot(out, rowIds, n);
        out.writeLongs(writeTime, partitionCount);
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        int n = in.readInt();
        checkStateKind(n);
        if (keyed != null) {
            keyed.restore(in.readBytes());
            return;
        }
        if (partitions != null) {
            KeyTableState.restore(in, partitions, inputType.project(partitionFields), n, allocator,
                    "Top-N partition keys");
        }
        partitionCount = n;
        lists.ensurePartitions(n);
        int[] sizes = in.readInts();
        int id = store.restore(in);
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < sizes[p]; k++) {
                lists.insert(p, k, id++);
            }
        }
        long[] writes = in.readLongs();
        writeTime = Arrays.copyOf(writes, Math.max(writes.length, lists.capacity()));
    }

    /**
     * Restores from the snapshots of a run at another parallelism the partitions this instance owns, each with its
     * ranked rows in order and its write time.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        if (partitions == null && snapshots.size() > 1) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a Top-N without partition keys from "
                    + snapshots.size() + " instances' state");
        }
        if (keyed != null) {
            List<byte[]> states = new java.util.ArrayList<>();
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
            if (partitions != null) {
                target = KeyTableState.restoreOwned(in, partitions, inputType.project(partitionFields), n, allocator,
                        owned, partitionFields, 0, "Top-N partition keys");
            } else {
                for (int p = 0; p < n; p++) {
                    target[p] = p;
                }
            }
            int total = partitions != null ? partitions.size() : n;
            lists.ensurePartitions(total);
            int[] sizes = in.readInts();
            int rows = 0;
            for (int size : sizes) {
                rows += size;
            }
            boolean[] keep = new boolean[rows];
            int r = 0;
            for (int p = 0; p < n; p++) {
                for (int k = 0; k < sizes[p]; k++) {
                    keep[r++] = target[p] >= 0;
                }
            }
            int[] ids = store.restoreSelected(in, keep);
            r = 0;
            for (int p = 0; p < n; p++) {
                for (int k = 0; k < sizes[p]; k++, r++) {
                    if (target[p] >= 0) {
                        lists.insert(target[p], k, ids[r]);
                    }
                }
            }
            long[] writes = in.readLongs();
            writeTime = Arrays.copyOf(writeTime, Math.max(Math.max(writeTime.length, total), lists.capacity()));
            io.sluice.runtime.state.StateRemap.copy(writes, target, writeTime);
            partitionCount = total;
        }
    }

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        if (partitions != null) {
            partitions.close();
            partitions = null;
        }
    }
}
