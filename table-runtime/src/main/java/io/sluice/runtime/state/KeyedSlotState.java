package io.sluice.runtime.state;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of a SQL operator that keeps one value per key (a Top-N partition, a deduplication key) in the job's
 * keyed-state backend ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}), with the
 * recently used keys decoded on the heap.
 *
 * <p>The operator keeps working on its heap structures, which then only hold <i>slots</i>: a bounded set of keys
 * numbered densely by a key table that lives until the next write-back. The operator records each new slot's key
 * ({@link #recordKey}), reads its stored value once, before the first row that needs it ({@link #load}), marks it
 * {@link #markDirty dirty} when a row changes it, and once {@link #isFull} (too many slots, or too many bytes read)
 * and before every checkpoint calls {@link #writeBack}, which stores the dirty slots' new values (or deletes them)
 * and forgets every slot; the operator then empties its heap structures. A key many batches touch is thus read and
 * written once per round, not once per batch.
 *
 * <p>SQL exchanges route rows by the hash of the key columns, not by key group, so the backend spans all key groups
 * and each key stores that hash; a restore at another parallelism keeps the keys the exchange now routes to the
 * instance ({@link KeyOwnership#ownsHash}).
 */
public final class KeyedSlotState implements AutoCloseable {
    /** The most slots held before they are written back. */
    public static final int MAX_SLOTS = 4096;
    /** The most bytes of stored values read into slots before they are written back. */
    public static final long MAX_BYTES = 4L << 20;

    /** Gives a slot's new stored value at a write-back. */
    @FunctionalInterface
    public interface Encoder {
        /** The value of slot {@code slot}, or null when the key holds nothing any more (it is deleted). */
        byte[] encode(int slot) throws IOException;
    }

    private final RowType inputType;
    private final int[] keyFields;
    private final int maxParallelism;
    private final String what;
    private final KeyedStateBackend<RoutedKey> backend;
    private KeyedValueState<VoidNamespace, byte[]> values;
    private final ByteArrayOutputStream keyBytes = new ByteArrayOutputStream(32);
    private final java.io.DataOutputStream keyData = new java.io.DataOutputStream(keyBytes);
    private final StateWriter keyWriter = new StateWriter(keyBytes);
    /** Encodes keys: fixed-width values as their raw bytes (equal keys give equal bytes), without boxing. */
    private final StoredRowCodec keyCodec;
    private final FieldVector[] keyVectors;
    private RoutedKey[] slotKeys = new RoutedKey[16];
    private boolean[] loaded = new boolean[16];
    private boolean[] stored = new boolean[16];
    private boolean[] dirty = new boolean[16];
    private int[] loadedSlots = new int[16];
    private int loadedCount;
    private long loadedBytes;
    private int maxSlots = MAX_SLOTS;
    private long maxBytes = MAX_BYTES;

    /**
     * The state of an operator instance keyed by columns {@code keyFields} of its input {@code inputType};
     * {@code keyIdentity} names the operator kind's key serializer (checkpoints record it), {@code what} names the
     * state in error messages.
     */
    public KeyedSlotState(OperatorContext context, RowType inputType, int[] keyFields, String keyIdentity,
            String what) {
        this.inputType = inputType;
        this.keyFields = keyFields.clone();
        this.keyVectors = new FieldVector[keyFields.length];
        this.keyCodec = new StoredRowCodec(inputType.project(keyFields));
        this.what = what;
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer(keyIdentity),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
    }

    /** Whether SQL operators of a job with {@code config} keep their state in a keyed-state backend. */
    public static boolean usesBackend(Configuration config) {
        return !KeyedStateBackends.isHeap(config);
    }

    /** Backend state is written back once more than {@code slots} slots or {@code bytes} bytes are held (tests). */
    public void setLimits(int slots, long bytes) {
        this.maxSlots = slots;
        this.maxBytes = bytes;
    }

    private KeyedValueState<VoidNamespace, byte[]> values() {
        if (values == null) {
            values = backend.getValueState("values", StateSerializers.BYTES);
        }
        return values;
    }

    private void ensureSlots(int slots) {
        if (slots > slotKeys.length) {
            int n = Math.max(slots, 2 * slotKeys.length);
            slotKeys = Arrays.copyOf(slotKeys, n);
            loaded = Arrays.copyOf(loaded, n);
            stored = Arrays.copyOf(stored, n);
            dirty = Arrays.copyOf(dirty, n);
            loadedSlots = Arrays.copyOf(loadedSlots, n);
        }
    }

    /** Slot {@code slot}'s key is the key of row {@code row} of {@code batch}. */
    public void recordKey(int slot, RowBatch batch, int row) {
        ensureSlots(slot + 1);
        keyBytes.reset();
        try {
            for (int c = 0; c < keyFields.length; c++) {
                keyVectors[c] = batch.vector(keyFields[c]);
            }
            keyCodec.write(keyVectors, row, keyData, keyWriter);
            keyData.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a key of " + what, e);
        }
        slotKeys[slot] = new RoutedKey(KeyOwnership.keyHash(keyVectors, row), keyBytes.toByteArray());
        Arrays.fill(keyVectors, null);
    }

    /**
     * Records the keys of the slots a key table gave to rows {@code 0 .. rows-1} of {@code batch} beyond the first
     * {@code before} slots ({@code ids[i]} is row i's slot; new slots are numbered in row order).
     */
    public void recordNewKeys(RowBatch batch, int rows, int[] ids, int before, int after) {
        int next = before;
        for (int i = 0; i < rows && next < after; i++) {
            if (ids[i] == next) {
                recordKey(next++, batch, i);
            }
        }
    }

    /** Whether slot {@code slot} was read since the last write-back. */
    public boolean isLoaded(int slot) {
        return loaded[slot];
    }

    /** Reads slot {@code slot}'s stored value (null: none) and marks the slot read. */
    public byte[] load(int slot) {
        RoutedKey key = slotKeys[slot];
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
        byte[] value = values().value();
        loaded[slot] = true;
        stored[slot] = value != null;
        dirty[slot] = false;
        loadedSlots[loadedCount++] = slot;
        if (value != null) {
            loadedBytes += value.length;
        }
        return value;
    }

    /** Slot {@code slot} changed: the next write-back stores it. */
    public void markDirty(int slot) {
        dirty[slot] = true;
    }

    /** Whether the operator should write back now: more than the allowed slots, or bytes read. */
    public boolean isFull(int slots) {
        return slots > maxSlots || loadedBytes > maxBytes;
    }

    /**
     * Stores the value {@code encoder} gives for every dirty slot (deleting keys that hold nothing), then forgets
     * every slot: the operator starts a new key table.
     */
    public void writeBack(Encoder encoder) {
        try {
            for (int t = 0; t < loadedCount; t++) {
                int slot = loadedSlots[t];
                if (dirty[slot]) {
                    byte[] value = encoder.encode(slot);
                    if (value != null || stored[slot]) {
                        RoutedKey key = slotKeys[slot];
                        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
                        values().update(value);
                    }
                }
                loaded[slot] = false;
                dirty[slot] = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the state of " + what, e);
        }
        Arrays.fill(slotKeys, null);
        loadedCount = 0;
        loadedBytes = 0;
    }

    /** The backend's snapshot (call {@link #writeBack} first). */
    public byte[] snapshot() throws IOException {
        return backend.snapshotBytes();
    }

    /** Restores the backend from its own snapshot (same parallelism). */
    public void restore(byte[] snapshot) throws IOException {
        backend.restore(List.of(new ByteArrayInputStream(snapshot)));
    }

    /**
     * Restores from the snapshots of every instance of a run at another parallelism the keys {@code owned} accepts
     * (null: every key). The input must be partitioned by exactly the state's key columns.
     */
    public void restoreRescaled(List<byte[]> snapshots, KeyOwnership owned) throws IOException {
        if (owned != null && owned.routing() != KeyOwnership.Routing.ALL
                && !Arrays.equals(owned.inputKeys(0), keyFields)) {
            throw new UnsupportedFeatureException("restoring the backend state of " + what + " at another"
                    + " parallelism when its input is not partitioned by exactly its keys");
        }
        List<InputStream> streams = new ArrayList<>();
        for (byte[] s : snapshots) {
            streams.add(new ByteArrayInputStream(s));
        }
        backend.restore(streams, key -> owned == null || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    public long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() {
        backend.close();
    }
}
