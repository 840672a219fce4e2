package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.TimeSliceKeyIndex;
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
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * The groups of a window table aggregate (the Table API's {@code window(w).groupBy(k, w).flatAggregate(f(v))}) when
 * the job's keyed state lives in a backend ({@code state.backend.type} other than {@code hashmap}, e.g.
 * {@code rocksdb}), so that the windows not yet fired may hold far more groups than the heap.
 *
 * <p><b>Layout.</b> Each group of a window (its key includes the window columns) is one key of the backend: a marker
 * byte and the group's values, with the hash the input exchange routes the group by. Its value is the window's end
 * and the table aggregate function's accumulator, in the form checkpoints use ({@link AccumulatorSerializer}:
 * Serializable, or a POJO with a no-argument constructor). A batch reads and writes each of its groups once.
 *
 * <p><b>Firing without scanning every group.</b> A {@link TimeSliceKeyIndex} holds the groups by the last millisecond
 * of their window ({@code window_end - 1}); when the watermark reaches it, the group's rows ({@code emitValue}) are
 * emitted as {@code +I} and the group is deleted. So a watermark reads only the groups of the windows it fires. The
 * rows are those of the heap path (those of the windows one watermark fires may come in another order).
 *
 * <p><b>Checkpoints</b> hold the index's heap part and the backend's snapshot. A restore at another parallelism loads
 * the index entries of every old instance and the groups the exchange now routes to this instance; index entries
 * naming other groups find nothing when swept.
 */
public final class KeyedWindowTableAggregates implements AutoCloseable {
    /** Milliseconds per slice of the index. */
    static final long GRANULARITY = 1000;
    /** The first byte of a group's backend key (the index's keys start with its id, 0). */
    private static final byte DATA_KEY = (byte) 0xff;

    private final OperatorContext context;
    private final RowType inputType;
    private final int[] groupFields;
    private final int[] argFields;
    private final RowType keyType;
    private final int maxParallelism;
    private final TableAggregateInvoker invoker;
    private final TableAggregateEmitter emitter;
    private final TableAggregateRows pending;
    private final KeyedStateBackend<RoutedKey> backend;
    private final KeyedValueState<VoidNamespace, byte[]> groups;
    private final TimeSliceKeyIndex firing;

    /**
     * The groups of a window table aggregate of {@code generated} (a table aggregate function's invoker) over
     * {@code argFields}, grouped by {@code groupFields} (which include the window columns), whose rows are the group
     * columns then the function's {@code resultType} columns ({@code outputType}).
     */
    public KeyedWindowTableAggregates(OperatorContext context, RowType inputType, int[] groupFields, int[] argFields,
            GeneratedClass<UserAggregateInvoker> generated, RowType resultType, RowType outputType) throws Exception {
        this.context = context;
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.argFields = argFields.clone();
        this.keyType = inputType.project(groupFields);
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        UserAggregateInvoker created = generated.newInstance();
        if (!(created instanceof TableAggregateInvoker)) {
            throw new IllegalArgumentException(created.functionDescription() + " is not a table aggregate function");
        }
        this.invoker = (TableAggregateInvoker) created;
        this.emitter = new TableAggregateEmitter(invoker.function(), invoker.functionDescription(), resultType);
        this.pending = new TableAggregateRows(outputType, invoker.functionDescription());
        UserFunctionLifecycle.open(context, invoker);
        this.backend = KeyedStateBackends.create(context.config(),
                RoutedKey.serializer("sql-window-table-aggregate-key"), KeyGroupRange.all(maxParallelism),
                context.operatorName() + "#" + context.subtaskIndex());
        this.groups = backend.getValueState("window-groups", StateSerializers.BYTES);
        this.firing = new TimeSliceKeyIndex(backend, "fire-index", 0, GRANULARITY);
    }

    private void setKey(RoutedKey key) {
        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
    }

    // ---------------------------------------------------------------- encodings

    private RoutedKey keyOf(FieldVector[] keyVectors, int row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        bytes.write(DATA_KEY);
        try {
            StateWriter w = new StateWriter(bytes);
            for (int k = 0; k < keyVectors.length; k++) {
                w.writeValue(keyType.type(k), VectorValues.get(keyType.type(k), keyVectors[k], row));
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a window table aggregate's group key", e);
        }
        return new RoutedKey(KeyOwnership.keyHash(keyVectors, row), bytes.toByteArray());
    }

    private Object[] keyValues(RoutedKey key) throws IOException {
        StateReader r = new StateReader(new ByteArrayInputStream(key.bytes, 1, key.bytes.length - 1));
        Object[] values = new Object[keyType.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = r.readValue(keyType.type(k));
        }
        return values;
    }

    private Object accumulatorOf(byte[] value) throws IOException {
        return AccumulatorSerializer.read(Arrays.copyOfRange(value, 8, value.length),
                invoker.function().getClass().getClassLoader())[0];
    }

    // ---------------------------------------------------------------- rows in

    /** Folds {@code rows} (insert-only rows of the window ending at {@code windowEnd}) into their groups. */
    public void add(long windowEnd, RowBatch rows) throws IOException {
        int n = rows.rowCount();
        FieldVector[] keyVectors = new FieldVector[groupFields.length];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = rows.vector(groupFields[k]);
        }
        FieldVector[] args = new FieldVector[argFields.length];
        for (int j = 0; j < args.length; j++) {
            args[j] = rows.vector(argFields[j]);
        }
        Map<RoutedKey, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byKey.computeIfAbsent(keyOf(keyVectors, i), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<RoutedKey, List<Integer>> e : byKey.entrySet()) {
            RoutedKey key = e.getKey();
            setKey(key);
            byte[] stored = groups.value();
            Object acc = stored == null ? invoker.createAccumulator() : accumulatorOf(stored);
            for (int i : e.getValue()) {
                invoker.accumulate(acc, args, i);
            }
            byte[] accBytes = AccumulatorSerializer.write(new Object[] {acc}, 1, invoker.functionDescription());
            groups.update(ByteBuffer.allocate(8 + accBytes.length).putLong(windowEnd).put(accBytes).array());
            if (stored == null) {
                firing.register(windowEnd - 1, key);
            }
        }
    }

    // ---------------------------------------------------------------- firing

    /**
     * Emits and deletes the groups of every window whose last millisecond is at or before {@code watermark} (every
     * window at {@link Long#MAX_VALUE}).
     */
    public void fire(long watermark, Output output) throws Exception {
        if (firing.isEmpty()) {
            return;
        }
        boolean all = watermark == Long.MAX_VALUE;
        firing.sweep(all ? Long.MAX_VALUE : watermark + 1, all, (key, sliceEnd) -> {
            setKey(key);
            byte[] stored = groups.value();
            if (stored == null) {
                return true;
            }
            if (ByteBuffer.wrap(stored).getLong() - 1 > watermark) {
                return false; // a later window of this slice
            }
            Object[] keyValues = keyValues(key);
            emitter.emitAll(accumulatorOf(stored), RowKind.INSERT,
                    (kind, values) -> pending.add(kind, keyValues, values));
            groups.clear();
            if (pending.size() >= context.batchSize()) {
                pending.emit(context.allocator(), output);
            }
            return true;
        });
        pending.emit(context.allocator(), output);
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the index's heap part and the backend's snapshot. */
    public void snapshot(StateWriter w) throws IOException {
        firing.write(w);
        w.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    public void restore(StateReader r) throws IOException {
        firing.read(r);
        backend.restore(List.of(new ByteArrayInputStream(r.readBytes())));
    }

    /**
     * Restores the snapshots of every instance of a run at another parallelism (each positioned after the operator's
     * own fields), keeping the groups {@code owned} accepts.
     */
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        boolean every = owned == null || owned.routing() == KeyOwnership.Routing.ALL;
        if (!every && !Arrays.equals(owned.inputKeys(0), groupFields)) {
            throw new UnsupportedFeatureException("restoring the backend state of a window table aggregate at another"
                    + " parallelism when its input is not partitioned by exactly its group columns");
        }
        List<InputStream> streams = new ArrayList<>();
        for (StateReader r : snapshots) {
            firing.read(r);
            streams.add(new ByteArrayInputStream(r.readBytes()));
        }
        backend.restore(streams, key -> every || !isGroupKey(key) || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Whether a serialized backend key is a group (not an index entry): its bytes start with the marker. */
    private static boolean isGroupKey(byte[] serialized) {
        int p = 4; // the hash, then the length of the bytes as a variable-length int
        while ((serialized[p] & 0x80) != 0) {
            p++;
        }
        p++;
        return p < serialized.length && serialized[p] == DATA_KEY;
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    public long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() throws Exception {
        try {
            UserFunctionLifecycle.close(invoker);
        } finally {
            backend.close();
        }
    }
}
