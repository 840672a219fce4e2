package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
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
 * Where a {@link GroupAggregateOperator} keeps its groups when the job's keyed state lives in a backend
 * ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}): one value per group key, holding
 * the group's row count, last write time and every accumulator (see the operator's {@code encodeGroup}).
 *
 * <p>The operator works on <i>slots</i>: the distinct group keys of the rows it is about to fold (one input batch,
 * or one mini-batch) get dense slot ids from a key table that lives only that long. This class remembers each
 * slot's key ({@link #recordKey}), reads its stored value once ({@link #load}) and writes it back once
 * ({@link #store}), so a batch costs one read and one write per distinct key, not per row.
 *
 * <p>SQL exchanges route rows by the hash of the group columns, not by key group, so every instance's backend spans
 * all key groups; each key stores that hash, and a restore at another parallelism keeps the keys the exchange now
 * routes to the instance ({@link KeyOwnership#ownsHash}).
 */
final class KeyedGroupState implements AutoCloseable {
    private final RowType inputType;
    private final int[] groupFields;
    private final int maxParallelism;
    private final KeyedStateBackend<RoutedKey> backend;
    private KeyedValueState<VoidNamespace, byte[]> values;
    private final ByteArrayOutputStream keyBytes = new ByteArrayOutputStream(32);
    private final StateWriter keyWriter = new StateWriter(keyBytes);
    private final FieldVector[] keyVectors;
    private RoutedKey[] slotKeys = new RoutedKey[16];

    KeyedGroupState(OperatorContext context, RowType inputType, int[] groupFields) {
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.keyVectors = new FieldVector[groupFields.length];
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-group-key"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
    }

    /** The group state, registered on first use (after any restore). */
    private KeyedValueState<VoidNamespace, byte[]> values() {
        if (values == null) {
            values = backend.getValueState("groups", StateSerializers.BYTES);
        }
        return values;
    }

    /** Slot {@code slot}'s key is the group key of row {@code row} of {@code batch}. */
    void recordKey(int slot, RowBatch batch, int row) {
        if (slot >= slotKeys.length) {
            slotKeys = Arrays.copyOf(slotKeys, Math.max(slot + 1, 2 * slotKeys.length));
        }
        keyBytes.reset();
        try {
            for (int c = 0; c < groupFields.length; c++) {
                LogicalType type = inputType.type(groupFields[c]);
                keyVectors[c] = batch.vector(groupFields[c]);
                keyWriter.writeValue(type, VectorValues.get(type, keyVectors[c], row));
            }
            keyWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a group key of " + inputType, e);
        }
        slotKeys[slot] = new RoutedKey(KeyOwnership.keyHash(keyVectors, row), keyBytes.toByteArray());
        Arrays.fill(keyVectors, null);
    }

    private void select(int slot) {
        RoutedKey key = slotKeys[slot];
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    /** The stored value of slot {@code slot}'s group, or null when it has none. */
    byte[] load(int slot) {
        select(slot);
        return values().value();
    }

    /** Stores {@code value} for slot {@code slot}'s group; null deletes the group. */
    void store(int slot, byte[] value) {
        select(slot);
        values().update(value);
    }

    /** Forgets the keys of slots {@code 0 .. slots-1} (the slot table starts again). */
    void forgetSlots(int slots) {
        Arrays.fill(slotKeys, 0, Math.min(slots, slotKeys.length), null);
    }

    /** The backend's snapshot. */
    byte[] snapshot() throws IOException {
        return backend.snapshotBytes();
    }

    /** The backend's state frozen for an asynchronous snapshot. */
    io.sluice.runtime.state.keyed.KeyedStateSnapshot snapshotAsync() throws IOException {
        return backend.snapshotAsync();
    }

    /** Restores the backend from its own snapshot (same parallelism). */
    void restore(byte[] snapshot) throws IOException {
        backend.restore(List.of(new ByteArrayInputStream(snapshot)));
    }

    /**
     * Restores from the snapshots of every instance of a run at another parallelism the keys {@code owned} accepts
     * (null: every key).
     */
    void restoreRescaled(List<byte[]> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (byte[] s : snapshots) {
            streams.add(new ByteArrayInputStream(s));
        }
        backend.restore(streams, key -> owned == null || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() {
        backend.close();
    }
}
