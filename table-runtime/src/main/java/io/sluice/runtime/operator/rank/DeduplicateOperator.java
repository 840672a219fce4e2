package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.keys.KeyTableState;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.KeyedSlotState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Streaming deduplication: {@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY t ASC|DESC) = 1}, where
 * {@code t} is a processing-time attribute (arrival order) or a rowtime column. Output rows are the
 * input rows (the row number, always 1, is not an output column). Rows are matched to keys a batch
 * at a time through a {@link KeyHashTable}; each row is then decided in arrival order, as Flink's
 * deduplicate functions do:
 * <ul>
 *   <li>Keep first row on processing time ({@code ASC}): the first row of a key is emitted as
 *   {@code +I}, later rows are dropped.</li>
 *   <li>Keep last row on processing time ({@code DESC}): the first row of a key is emitted as
 *   {@code +I}; a later row emits {@code -U} with the previous row and {@code +U} with itself, or
 *   nothing when it equals the previous row in every column. A {@code -U}/{@code -D} input row emits
 *   {@code -D} with the key's stored row (the stored row, which holds every column) and forgets the
 *   key; one for a key without a row is ignored.</li>
 *   <li>Rowtime: keep first keeps the row with the smallest rowtime (a later row with an equal rowtime
 *   loses), keep last the row with the largest (a later row with an equal rowtime wins). The first row
 *   of a key is emitted as {@code +I}; a row that replaces the kept one emits {@code -U} with the old
 *   and {@code +U} with the new row; other rows are dropped. A NULL rowtime sorts below every other.</li>
 * </ul>
 *
 * <p><b>Streaming semantics:</b> keep-first on processing time and both rowtime modes need an
 * insert-only input (a retraction fails the job); keep-last on processing time accepts any changelog.
 * Produces {@code [I]} for keep-first on processing time, {@code [I,UB,UA]} for rowtime and for
 * keep-last on insert-only input, {@code [I,UB,UA,D]} for keep-last on an updating input. State, per
 * key: a seen flag (keep-first on processing time) or the kept row (and its rowtime). With
 * {@code table.exec.state.ttl} set, a key's state expires when it has not been written for that long
 * in processing time (written: created, replaced, or for keep-last on processing time, any row of the
 * key), as Flink's state TTL does: an expired key behaves as never seen (its next row emits {@code +I}
 * again), no retraction is emitted for it, and an incremental cleanup after each batch frees a bounded
 * number of expired keys' rows. Watermarks are forwarded unchanged; no row is late. A checkpoint saves
 * the key table (keys in id order) and per key its state, kept row, rowtime and last write time.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}),
 * each key's state is one value in the job's keyed-state backend ({@link KeyedSlotState}): the seen flag or the kept
 * row, its rowtime and the last write time. The key table then numbers a bounded set of recently used keys: a key is
 * read once, before the first row that needs it, its rows are decided exactly as above (the changelog is the same),
 * and once more than {@link KeyedSlotState#MAX_SLOTS} keys or {@link RankOperator#MAX_CACHED_ROW_BYTES} bytes of
 * rows are held, and before every checkpoint, the changed keys are written back (an expired one is deleted) and the
 * table starts again. Checkpoints hold the backend's snapshot; a restore at another parallelism keeps the keys the
 * exchange now routes to the instance.
 */
public final class DeduplicateOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.operator.UpdateBeforeOptional {
    /** No consumer needs {@code -U} rows (an upsert sink): leave them out. */
    private boolean dropUpdateBefore;

    private static final int NONE = -1;
    private static final int SEEN = -2;

    private final RowType type;
    private final int[] keyFields;
    private final boolean keepLastRow;
    private final int rowtimeField;
    private final RowType outputType;

    private ChangelogWriter writer;
    private RowStore store;
    private KeyHashTable keys;
    private int[] keyIds = new int[0];
    /** Per key id: the stored row's id, {@link #NONE}, or {@link #SEEN} (keep-first on processing time). */
    private int[] keptRow = new int[0];
    private BufferAllocator allocator;
    private long[] keptTime = new long[0];
    /** Per key id: the processing time its state was last written. */
    private long[] writeTime = new long[0];
    private int keyCount;

    private LongSupplier clock = System::currentTimeMillis;
    private StateTtl ttl;
    private long now;
    private int cleanupCursor;

    /** Marks a snapshot of backend state (a heap snapshot starts with its key count, never negative). */
    private static final int BACKEND_STATE = -1;
    /** Stored forms of a key's state in a backend: the seen flag, or a kept row. */
    private static final byte STORED_SEEN = 1;
    private static final byte STORED_ROW = 2;
    /** Non-null when keys live in a keyed-state backend; the key table then numbers slots. */
    private KeyedSlotState keyed;
    private StoredRowCodec rowCodec;
    private final ByteArrayOutputStream valueBytes = new ByteArrayOutputStream(256);
    private final DataOutputStream valueData = new DataOutputStream(valueBytes);
    private final StateWriter valueWriter = new StateWriter(valueBytes);
    private int maxSlots = KeyedSlotState.MAX_SLOTS;
    private long maxRowBytes = RankOperator.MAX_CACHED_ROW_BYTES;

    /**
     * A deduplication operator.
     *
     * @param type the input rows (and the output rows)
     * @param keyFields the PARTITION BY columns (none: one global key)
     * @param keepLastRow true for {@code ORDER BY t DESC} (keep the last row), false for {@code ASC}
     * @param rowtimeField the rowtime column ordered by (BIGINT, TIMESTAMP or TIMESTAMP_LTZ), or
     *     {@code -1} when ordering by processing time (arrival order)
     * @param outputType the output rows: the same columns as {@code type}
     */
    public DeduplicateOperator(RowType type, int[] keyFields, boolean keepLastRow, int rowtimeField,
            RowType outputType) {
        if (outputType.size() != type.size()) {
            throw new IllegalArgumentException("output type " + outputType + " should have the input's "
                    + type.size() + " columns");
        }
        if (rowtimeField >= 0) {
            TypeRoot root = type.type(rowtimeField).root();
            if (root != TypeRoot.BIGINT && root != TypeRoot.TIMESTAMP && root != TypeRoot.TIMESTAMP_LTZ) {
                throw new IllegalArgumentException("rowtime column " + type.name(rowtimeField) + " has type "
                        + type.type(rowtimeField));
            }
        } else if (rowtimeField != -1) {
            throw new IllegalArgumentException("rowtime field must be a column index or -1: " + rowtimeField);
        }
        this.type = type;
        this.keyFields = keyFields.clone();
        this.keepLastRow = keepLastRow;
        this.rowtimeField = rowtimeField;
        this.outputType = outputType;
    }

    /** Whether this operator keeps the first row on processing time: its output is insert-only. */
    public boolean producesInsertOnly() {
        return rowtimeField < 0 && !keepLastRow;
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
        writer = new ChangelogWriter(outputType, type.size(), false, context.allocator(), output,
                context.batchSize());
        if (dropUpdateBefore) {
            writer.skipUpdateBefore();
        }
        store = new RowStore(type, context.allocator());
        if (keyFields.length > 0) {
            keys = KeyHashTable.forGrouping(context.allocator(), type.project(keyFields).types());
        }
        if (KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedSlotState(context, type, keyFields, "sql-dedup-key", "a deduplication");
            keyed.setLimits(maxSlots, KeyedSlotState.MAX_BYTES);
            rowCodec = new StoredRowCodec(type);
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
            keyCount = assignKeys(batch, rows);
            ensureKeys(keyCount);
            FieldVector[] in = batch.root().getFieldVectors().toArray(new FieldVector[0]);
            TinyIntVector kinds = batch.rowKinds();
            for (int i = 0; i < rows; i++) {
                byte kind = kinds == null ? 0 : kinds.get(i);
                boolean accumulate = kind == RowKind.INSERT.toByteValue() || kind == RowKind.UPDATE_AFTER.toByteValue();
                int g = keyIds[i];
                if (keyed != null && !keyed.isLoaded(g)) {
                    loadKey(g);
                }
                if (keptRow[g] != NONE && ttl.isExpired(writeTime[g], now)) {
                    forget(g); // expired state is never returned: the key was never seen
                }
                if (rowtimeField < 0 && keepLastRow) {
                    keepLastOnProcTime(keyIds[i], batch, in, i, accumulate);
                    continue;
                }
                if (kind != RowKind.INSERT.toByteValue()) {
                    throw new IllegalStateException("deduplication keeping the " + (keepLastRow ? "last" : "first")
                            + " row" + (rowtimeField >= 0 ? " on rowtime" : "") + " needs an insert-only input, got a "
                            + RowKind.fromByteValue(kind).shortString() + " row");
                }
                if (rowtimeField < 0) {
                    keepFirstOnProcTime(keyIds[i], in, i);
                } else {
                    onRowtime(keyIds[i], batch, in, i);
                }
            }
            writer.flush();
            expireIncrementally(rows);
        } catch (Throwable t) {
            writer.close(); // the rows not emitted point into the batch
            throw t;
        }
        if (store.isSparse()) {
            int[] newId = store.compact();
            for (int g = 0; g < keptRow.length; g++) {
                if (keptRow[g] >= 0) {
                    keptRow[g] = newId[keptRow[g]];
                }
            }
        }
        if (keyed != null && (keyed.isFull(keyCount) || store.sizeInBytes() > maxRowBytes)) {
            writeBack();
        }
    }

    // ---------------------------------------------------------------- state in a keyed-state backend

    /** Reads slot {@code g}'s key state from the backend into the (empty) slot. */
    private void loadKey(int g) throws IOException {
        byte[] value = keyed.load(g);
        if (value == null) {
            return;
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(value);
        DataInputStream in = new DataInputStream(bytes);
        byte kind = in.readByte();
        writeTime[g] = in.readLong();
        if (rowtimeField >= 0) {
            keptTime[g] = in.readLong();
        }
        keptRow[g] = kind == STORED_ROW ? store.add(rowCodec, in, new StateReader(bytes)) : SEEN;
    }

    /** The stored form of slot {@code g}'s key state, or null when it holds none. */
    private byte[] encodeKey(int g) throws IOException {
        if (keptRow[g] == NONE) {
            return null;
        }
        valueBytes.reset();
        valueData.writeByte(keptRow[g] >= 0 ? STORED_ROW : STORED_SEEN);
        valueData.writeLong(writeTime[g]);
        if (rowtimeField >= 0) {
            valueData.writeLong(keptTime[g]);
        }
        if (keptRow[g] >= 0) {
            store.write(keptRow[g], rowCodec, valueData, valueWriter);
        }
        valueData.flush();
        return valueBytes.toByteArray();
    }

    /** Writes the changed keys back to the backend and empties the slots. */
    private void writeBack() {
        keyed.writeBack(this::encodeKey);
        Arrays.fill(keptRow, 0, Math.min(keyCount, keptRow.length), NONE);
        store.close();
        store = new RowStore(type, allocator);
        if (keys != null) {
            keys.close();
            keys = KeyHashTable.forGrouping(allocator, type.project(keyFields).types());
        }
        keyCount = 0;
    }

    /** Backend state: writes back once more than {@code slots} keys or {@code rowBytes} bytes of rows are held. */
    void setWriteBackLimits(int slots, long rowBytes) {
        this.maxSlots = slots;
        this.maxRowBytes = rowBytes;
        if (keyed != null) {
            keyed.setLimits(slots, KeyedSlotState.MAX_BYTES);
        }
    }

    /** Whether the keys live in a keyed-state backend (for tests). */
    boolean usesBackend() {
        return keyed != null;
    }

    /**
     * Fails clearly when a snapshot was written by the other state path: {@code marker} is the key count of a heap
     * snapshot, or {@link #BACKEND_STATE} for a backend one.
     */
    private void checkStateKind(int marker) {
        boolean backendState = marker == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a deduplication whose state was"
                    + " taken with state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** Forgets the state of key {@code g}, emitting nothing. */
    private void forget(int g) {
        if (keyed != null) {
            keyed.markDirty(g);
        }
        if (keptRow[g] >= 0) {
            store.release(keptRow[g]);
        }
        keptRow[g] = NONE;
    }

    /** Frees the state of the expired keys among the next few key ids (round robin). */
    private void expireIncrementally(int rows) {
        if (!ttl.enabled() || keyed != null) {
            return;
        }
        int budget = Math.min(keyCount, ttl.cleanupBudget(rows));
        for (int n = 0; n < budget; n++) {
            if (cleanupCursor >= keyCount) {
                cleanupCursor = 0;
            }
            int g = cleanupCursor++;
            if (keptRow[g] != NONE && ttl.isExpired(writeTime[g], now)) {
                forget(g);
            }
        }
    }

    /** Replaces the processing-time clock (epoch millis) used for state TTL; call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Number of keys holding state (a seen flag or a kept row), for tests. */
    int liveKeys() {
        int n = 0;
        for (int g = 0; g < keyCount; g++) {
            n += keptRow[g] != NONE ? 1 : 0;
        }
        return n;
    }

    /** Number of rows the state store holds, for tests. */
    int storedRows() {
        return store.liveRows();
    }

    private int assignKeys(RowBatch batch, int rows) {
        if (keyIds.length < rows) {
            keyIds = new int[rows];
        }
        if (keys == null) {
            Arrays.fill(keyIds, 0, rows, 0);
            if (keyed != null && !keyed.isLoaded(0)) {
                keyed.recordKey(0, batch, 0);
            }
            return 1;
        }
        int before = keys.size();
        keys.findOrInsert(KeyHashTable.columnsOf(batch, keyFields), rows, keyIds);
        if (keyed != null) {
            keyed.recordNewKeys(batch, rows, keyIds, before, keys.size());
        }
        return keys.size();
    }

    private void ensureKeys(int count) {
        if (keptRow.length < count) {
            int old = keptRow.length;
            int n = Math.max(count, Math.max(64, 2 * old));
            keptRow = Arrays.copyOf(keptRow, n);
            Arrays.fill(keptRow, old, n, NONE);
            writeTime = Arrays.copyOf(writeTime, n);
            if (rowtimeField >= 0) {
                keptTime = Arrays.copyOf(keptTime, n);
            }
        }
    }

    private void keepFirstOnProcTime(int g, FieldVector[] in, int i) throws Exception {
        if (keptRow[g] == NONE) {
            keptRow[g] = SEEN;
            writeTime[g] = now;
            markDirty(g);
            writer.add(in, i, RowKind.INSERT, 0);
        }
    }

    private void keepLastOnProcTime(int g, RowBatch batch, FieldVector[] in, int i, boolean accumulate)
            throws Exception {
        int previous = keptRow[g];
        if (!accumulate) {
            if (previous >= 0) {
                writer.add(store.vectors(), previous, RowKind.DELETE, 0);
                store.release(previous);
                keptRow[g] = NONE;
                markDirty(g);
            }
            return;
        }
        if (previous < 0) {
            writer.add(in, i, RowKind.INSERT, 0);
        } else if (io.sluice.runtime.data.VectorSlots.rowsEqual(store.vectors(), previous, in, i)) {
            writeTime[g] = now; // the same row again: a write that changes nothing but the TTL
            markDirty(g);
            return;
        } else {
            writer.add(store.vectors(), previous, RowKind.UPDATE_BEFORE, 0);
            writer.add(in, i, RowKind.UPDATE_AFTER, 0);
            store.release(previous);
        }
        keptRow[g] = store.add(in, i);
        writeTime[g] = now;
        markDirty(g);
    }

    private void onRowtime(int g, RowBatch batch, FieldVector[] in, int i) throws Exception {
        long time = rowtime(in[rowtimeField], i);
        int previous = keptRow[g];
        if (previous >= 0) {
            boolean replace = keepLastRow ? keptTime[g] <= time : time < keptTime[g];
            if (!replace) {
                return;
            }
            writer.add(store.vectors(), previous, RowKind.UPDATE_BEFORE, 0);
            writer.add(in, i, RowKind.UPDATE_AFTER, 0);
            store.release(previous);
        } else {
            writer.add(in, i, RowKind.INSERT, 0);
        }
        keptRow[g] = store.add(in, i);
        keptTime[g] = time;
        writeTime[g] = now;
        markDirty(g);
    }

    private void markDirty(int g) {
        if (keyed != null) {
            keyed.markDirty(g);
        }
    }

    private static long rowtime(FieldVector v, int i) {
        if (v.isNull(i)) {
            return Long.MIN_VALUE;
        }
        return ((BaseFixedWidthVector) v).getDataBuffer().getLong((long) i * 8);
    }

    /** Row ids in use by the state store, live and dead (for tests of compaction). */
    int storedRowIds() {
        return store.rowIds();
    }

    /** Bytes of state held, an estimate for metrics. */
    public long stateSizeInBytes() {
        long bytes = 4L * keptRow.length + 8L * keptTime.length + 8L * writeTime.length + 4L * keyIds.length;
        if (store != null) {
            bytes += store.sizeInBytes();
        }
        if (keys != null) {
            bytes += keys.sizeInBytes();
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
        out.writeInt(keyCount);
        if (keys != null) {
            KeyTableState.write(out, keys, type.project(keyFields), keyCount);
        }
        int[] state = new int[keyCount];
        int[] rowIds = new int[keyCount];
        int n = 0;
        for (int g = 0; g < keyCount; g++) {
            if (keptRow[g] >= 0) {
                rowIds[n] = keptRow[g];
                state[g] = n++;
            } else {
                state[g] = keptRow[g];
            }
        }
        out.writeInts(state, keyCount);
        store.snapshot(out, rowIds, n);
        out.writeLongs(keptTime, rowtimeField >= 0 ? keyCount : 0);
        out.writeLongs(writeTime, keyCount);
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        int n = in.readInt();
        checkStateKind(n);
        if (keyed != null) {
            keyed.restore(in.readBytes());
            return;
        }
        if (keys != null) {
            KeyTableState.restore(in, keys, type.project(keyFields), n, allocator, "deduplication keys");
        }
        keyCount = n;
        ensureKeys(n);
        int[] state = in.readInts();
        int base = store.restore(in);
        for (int g = 0; g < n; g++) {
            keptRow[g] = state[g] >= 0 ? base + state[g] : state[g];
        }
        long[] times = in.readLongs();
        System.arraycopy(times, 0, keptTime, 0, times.length);
        long[] writes = in.readLongs();
        System.arraycopy(writes, 0, writeTime, 0, writes.length);
    }

    /**
     * Restores from the snapshots of a run at another parallelism the keys this instance owns, each with the row it
     * kept (or the mark that it saw one) and its times.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        if (keys == null && snapshots.size() > 1) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a deduplication without keys from "
                    + snapshots.size() + " instances' state");
        }
        if (keyed != null) {
            java.util.List<byte[]> states = new java.util.ArrayList<>();
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
            if (keys != null) {
                target = KeyTableState.restoreOwned(in, keys, type.project(keyFields), n, allocator, owned, keyFields,
                        0, "deduplication keys");
            } else {
                for (int g = 0; g < n; g++) {
                    target[g] = g;
                }
            }
            int total = keys != null ? keys.size() : n;
            ensureKeys(total);
            int[] state = in.readInts();
            boolean[] keep = new boolean[n];
            for (int g = 0; g < n; g++) {
                if (state[g] >= 0 && target[g] >= 0) {
                    keep[state[g]] = true;
                }
            }
            int[] ids = store.restoreSelected(in, keep);
            for (int g = 0; g < n; g++) {
                if (target[g] >= 0) {
                    keptRow[target[g]] = state[g] >= 0 ? ids[state[g]] : state[g];
                }
            }
            io.sluice.runtime.state.StateRemap.copy(in.readLongs(), target, keptTime);
            io.sluice.runtime.state.StateRemap.copy(in.readLongs(), target, writeTime);
            keyCount = total;
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
        if (keys != null) {
            keys.close();
            keys = null;
        }
    }
}
