package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The groups of a window aggregation ({@code TUMBLE}, {@code HOP}, {@code CUMULATE}) when the job's keyed state lives
 * in a backend ({@code state.backend.type} other than {@code hashmap}, e.g. {@code rocksdb}), so that the windows not
 * yet fired may hold far more groups than the heap.
 *
 * <p><b>Layout.</b> The groups of one window are spread over {@link #BUCKETS} buckets by a hash of their key; each
 * (window end, bucket) is one key of the backend, holding a map from the group's encoded key (every group column,
 * {@link StoredRowCodec}) to its encoded accumulators. Firing a window thus reads its buckets one after the other (a
 * prefix scan each), never the groups of other windows, and never more than one bucket at a time on the heap. The
 * heap keeps only a small index: per window not yet fired, which of its buckets hold groups (a bit each).
 *
 * <p><b>Slots.</b> Rows are folded into a bounded set of recently used groups decoded on the heap (slots, numbered
 * by a key table over the group columns, which include {@code window_end}): a group is read once, before the first
 * row that needs it, and once the slots hold more than {@link #MAX_SLOTS} groups, {@link #MAX_BYTES} bytes of read
 * values or {@link #MAX_INPUT_BYTES} bytes of folded input, and before a window fires or a checkpoint is taken, every
 * changed group is written back and the key table starts again. The input is insert-only, so MIN and MAX keep one
 * value ({@link InsertOnlyMinMax}); DISTINCT aggregates keep their per-value counts in the group's value.
 *
 * <p><b>Checkpoints</b> hold the bucket index and the backend's snapshot. A restore at another parallelism loads
 * every old instance's entries and then drops, bucket by bucket, the groups the input exchange does not route to
 * this instance.
 */
public final class KeyedWindowAggregates implements AutoCloseable {
    /** Buckets per window (a power of two). */
    public static final int BUCKETS = 256;
    /** The most groups held in slots before they are written back. */
    public static final int MAX_SLOTS = 4096;
    /** The most bytes of stored values read into slots before they are written back. */
    public static final long MAX_BYTES = 4L << 20;
    /** The most bytes of input folded into slots before they are written back. */
    public static final long MAX_INPUT_BYTES = 16L << 20;
    private static final int WORDS = BUCKETS / 64;

    private final RowType inputType;
    private final int[] groupFields;
    private final List<AggregateSpec> aggregates;
    private final RowType outputType;
    private final StoredRowCodec keyCodec;

    private BufferAllocator allocator;
    private int batchSize;
    private int maxParallelism;
    private KeyedStateBackend<RoutedKey> backend;
    private KeyedMapState<io.sluice.runtime.state.keyed.VoidNamespace, byte[], byte[]> panes;
    /** Per window not yet fired (by its end): the buckets holding groups, one bit each. */
    private final TreeMap<Long, long[]> windows = new TreeMap<>();

    private KeyHashTable slots;
    private RetractableAccumulator[] accumulators;
    private DistinctValueCounts distinctCounts;
    private FieldVector[][] userArgs;
    private long rowSeq;
    private int[] ids = new int[0];
    private byte[][] slotKeys = new byte[16][];
    private long[] slotWindow = new long[16];
    private boolean[] loaded = new boolean[16];
    private boolean[] dirty = new boolean[16];
    private int[] loadedSlots = new int[16];
    private int loadedCount;
    private long loadedBytes;
    private long inputBytes;
    private int maxSlots = MAX_SLOTS;
    private long maxBytes = MAX_BYTES;
    private final FieldVector[] keyVectors;
    private final ByteArrayOutputStream keyBytes = new ByteArrayOutputStream(64);
    private final DataOutputStream keyData = new DataOutputStream(keyBytes);
    private final StateWriter keyWriter = new StateWriter(keyBytes);
    private final ByteArrayOutputStream valueBytes = new ByteArrayOutputStream(64);
    private final StateWriter valueWriter = new StateWriter(valueBytes);

    /** The groups of {@code groupFields} of {@code inputType}; output rows are the group columns, then the results. */
    public KeyedWindowAggregates(RowType inputType, int[] groupFields, List<AggregateSpec> aggregates,
            RowType outputType) {
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.aggregates = List.copyOf(aggregates);
        this.outputType = outputType;
        this.keyCodec = new StoredRowCodec(inputType.project(groupFields));
        this.keyVectors = new FieldVector[groupFields.length];
    }

    /** Opens the backend and the accumulators. */
    public void open(OperatorContext context) {
        this.allocator = context.allocator();
        this.batchSize = context.batchSize();
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-window-pane"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        slots = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
        int n = aggregates.size();
        accumulators = new RetractableAccumulator[n];
        distinctCounts = new DistinctValueCounts(inputType, aggregates);
        userArgs = new FieldVector[n][];
        for (int k = 0; k < n; k++) {
            AggregateSpec spec = aggregates.get(k);
            int[] args = spec.argFields();
            LogicalType argType = args.length == 0 ? null : inputType.type(args[0]);
            accumulators[k] = spec.kind() == AggregateKind.MIN || spec.kind() == AggregateKind.MAX
                    ? new InsertOnlyMinMax(spec.kind() == AggregateKind.MAX, argType)
                    : RetractableAccumulators.create(spec, argType, context);
            if (spec.kind() == AggregateKind.USER_DEFINED) {
                userArgs[k] = new FieldVector[args.length];
            }
        }
    }

    /** Groups are written back once more than {@code groups} slots or {@code bytes} bytes are held (tests). */
    public void setWriteBackLimits(int groups, long bytes) {
        this.maxSlots = groups;
        this.maxBytes = bytes;
    }

    /** The ends of the windows holding groups, in order. */
    public java.util.NavigableSet<Long> windowEnds() {
        return windows.navigableKeySet();
    }

    // ---------------------------------------------------------------- folding rows

    /** Folds every row of {@code batch} (all of the window ending at {@code windowEnd}) into its group. */
    public void accumulate(RowBatch batch, long windowEnd) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if (ids.length < rows) {
            ids = new int[rows];
        }
        int before = slots.size();
        slots.findOrInsert(KeyHashTable.columnsOf(batch, groupFields), rows, ids);
        int after = slots.size();
        ensureCapacity(after);
        int next = before; // new slots are numbered in row order
        for (int i = 0; i < rows && next < after; i++) {
            if (ids[i] == next) {
                recordKey(next++, batch, i, windowEnd);
            }
        }
        bindUserArguments(batch);
        try {
            for (int i = 0; i < rows; i++) {
                int g = ids[i];
                if (!loaded[g]) {
                    load(g);
                }
                dirty[g] = true;
                rowSeq++;
                for (int k = 0; k < accumulators.length; k++) {
                    fold(k, batch, i, g);
                }
            }
        } finally {
            bindUserArguments(null);
        }
        for (FieldVector v : batch.root().getFieldVectors()) {
            inputBytes += v.getBufferSize();
        }
        if (after > maxSlots || loadedBytes > maxBytes || inputBytes > MAX_INPUT_BYTES) {
            writeBack();
        }
    }

    /** Folds row {@code i} into aggregate {@code k} of slot {@code g}, honouring FILTER, NULLs and DISTINCT. */
    private void fold(int k, RowBatch batch, int i, int g) {
        AggregateSpec spec = aggregates.get(k);
        if (spec.filterField() >= 0) {
            BitVector filter = (BitVector) batch.vector(spec.filterField());
            if (filter.isNull(i) || filter.get(i) == 0) {
                return;
            }
        }
        int[] args = spec.argFields();
        FieldVector[] udafArgs = userArgs[k];
        if (udafArgs != null && !spec.distinct()) {
            ((RetractableObjectAccumulator) accumulators[k]).add(g, udafArgs, i);
            return;
        }
        for (int a : args) {
            if (batch.vector(a).isNull(i)) {
                return;
            }
        }
        if (distinctCounts.isDistinct(k) && !distinctCounts.update(k, g, rowSeq, batch, i, true)) {
            return; // a value the group has seen
        }
        if (udafArgs != null) {
            ((RetractableObjectAccumulator) accumulators[k]).add(g, udafArgs, i);
            return;
        }
        FieldVector arg = args.length == 0 || (spec.kind() == AggregateKind.COUNT && args.length > 1)
                ? null : batch.vector(args[0]);
        accumulators[k].add(g, arg, i);
    }

    private void bindUserArguments(RowBatch batch) {
        for (int k = 0; k < userArgs.length; k++) {
            FieldVector[] vectors = userArgs[k];
            if (vectors != null) {
                int[] args = aggregates.get(k).argFields();
                for (int a = 0; a < args.length; a++) {
                    vectors[a] = batch == null ? null : batch.vector(args[a]);
                }
            }
        }
    }

    private void ensureCapacity(int count) {
        if (count > slotKeys.length) {
            int n = Math.max(count, 2 * slotKeys.length);
            slotKeys = Arrays.copyOf(slotKeys, n);
            slotWindow = Arrays.copyOf(slotWindow, n);
            loaded = Arrays.copyOf(loaded, n);
            dirty = Arrays.copyOf(dirty, n);
            loadedSlots = Arrays.copyOf(loadedSlots, n);
        }
        distinctCounts.ensureCapacity(count);
        for (RetractableAccumulator a : accumulators) {
            a.ensureCapacity(count);
        }
    }

    private void recordKey(int slot, RowBatch batch, int row, long windowEnd) {
        keyBytes.reset();
        try {
            for (int c = 0; c < groupFields.length; c++) {
                keyVectors[c] = batch.vector(groupFields[c]);
            }
            keyCodec.write(keyVectors, row, keyData, keyWriter);
            keyData.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a group key of " + outputType, e);
        } finally {
            Arrays.fill(keyVectors, null);
        }
        slotKeys[slot] = keyBytes.toByteArray();
        slotWindow[slot] = windowEnd;
        int bucket = bucketOf(slotKeys[slot]); // the group is written to this bucket at the next write-back
        windows.computeIfAbsent(windowEnd, w -> new long[WORDS])[bucket >>> 6] |= 1L << (bucket & 63);
    }

    /** The bucket of a group of a window, from its encoded key. */
    private static int bucketOf(byte[] key) {
        int h = Arrays.hashCode(key);
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }

    /** Makes (window end, bucket) the backend's current key. */
    private void selectBucket(long windowEnd, int bucket) {
        byte[] bytes = new byte[10];
        for (int b = 0; b < 8; b++) {
            bytes[b] = (byte) (windowEnd >>> (56 - 8 * b));
        }
        bytes[8] = (byte) (bucket >>> 8);
        bytes[9] = (byte) bucket;
        int hash = 31 * Long.hashCode(windowEnd) + bucket;
        backend.setCurrentKey(new RoutedKey(hash, bytes), KeyGroupAssignment.keyGroupFor(hash, maxParallelism));
    }

    private KeyedMapState<io.sluice.runtime.state.keyed.VoidNamespace, byte[], byte[]> panes() {
        if (panes == null) {
            panes = backend.getMapState("panes", StateSerializers.BYTES, StateSerializers.BYTES);
        }
        return panes;
    }

    /** Reads slot {@code g}'s group from the backend into the (empty) slot. */
    private void load(int g) {
        selectBucket(slotWindow[g], bucketOf(slotKeys[g]));
        byte[] value = panes().get(slotKeys[g]);
        loaded[g] = true;
        dirty[g] = false;
        loadedSlots[loadedCount++] = g;
        if (value != null) {
            loadedBytes += value.length;
            readGroup(g, value);
        }
    }

    private void readGroup(int g, byte[] value) {
        StateReader in = new StateReader(new ByteArrayInputStream(value));
        try {
            for (RetractableAccumulator a : accumulators) {
                a.readGroup(g, in);
            }
            distinctCounts.readGroup(g, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored state of a window group of " + outputType, e);
        }
    }

    private byte[] encodeGroup(int g) {
        valueBytes.reset();
        try {
            for (RetractableAccumulator a : accumulators) {
                a.writeGroup(g, valueWriter);
            }
            distinctCounts.writeGroup(g, valueWriter);
            valueWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the state of a window group of " + outputType, e);
        }
        return valueBytes.toByteArray();
    }

    private void clearSlot(int g) {
        for (RetractableAccumulator a : accumulators) {
            a.clear(g);
        }
        distinctCounts.clear(g);
    }

    /** Writes every changed slot back, empties the slots and starts a new key table. */
    public void writeBack() {
        for (int t = 0; t < loadedCount; t++) {
            int g = loadedSlots[t];
            if (dirty[g]) {
                int bucket = bucketOf(slotKeys[g]);
                selectBucket(slotWindow[g], bucket);
                panes().put(slotKeys[g], encodeGroup(g));
            }
            clearSlot(g);
            loaded[g] = false;
            dirty[g] = false;
        }
        Arrays.fill(slotKeys, 0, slots.size(), null);
        loadedCount = 0;
        loadedBytes = 0;
        inputBytes = 0;
        slots.close();
        slots = KeyHashTable.forGrouping(allocator, inputType.project(groupFields).types());
    }

    // ---------------------------------------------------------------- firing

    /**
     * Emits one row per group of the window ending at {@code windowEnd} (the group columns, then the results), bucket
     * by bucket, and deletes the window's state.
     */
    public void fire(long windowEnd, Output output) throws Exception {
        if (loadedCount > 0) {
            writeBack();
        }
        long[] bits = windows.remove(windowEnd);
        if (bits == null) {
            return;
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if ((bits[bucket >>> 6] & (1L << (bucket & 63))) == 0) {
                continue;
            }
            selectBucket(windowEnd, bucket);
            List<Map.Entry<byte[], byte[]>> groups = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> e : panes().entries()) {
                groups.add(e);
            }
            panes().clear();
            for (int start = 0; start < groups.size(); start += batchSize) {
                output.emit(results(groups, start, Math.min(batchSize, groups.size() - start)));
            }
        }
    }

    /** One output batch: the groups {@code start .. start+count-1}, decoded into slots {@code 0 .. count-1}. */
    private RowBatch results(List<Map.Entry<byte[], byte[]>> groups, int start, int count) throws IOException {
        ensureCapacity(count);
        RowBatch out = RowBatch.allocate(outputType, allocator, count);
        try {
            FieldVector[] keyTargets = new FieldVector[groupFields.length];
            for (int c = 0; c < groupFields.length; c++) {
                keyTargets[c] = out.vector(c);
            }
            for (int j = 0; j < count; j++) {
                Map.Entry<byte[], byte[]> e = groups.get(start + j);
                DataInputStream keyIn = new DataInputStream(new ByteArrayInputStream(e.getKey()));
                keyCodec.read(keyIn, new StateReader(keyIn), keyTargets, j);
                readGroup(j, e.getValue());
                for (int k = 0; k < accumulators.length; k++) {
                    FieldVector v = out.vector(groupFields.length + k);
                    VectorValues.setNull(v, j);
                    accumulators[k].write(j, v, j);
                }
                clearSlot(j);
            }
            out.setRowCount(count);
            return out;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Writes the bucket index and the backend's snapshot (the slots are written back first). */
    public void snapshot(StateWriter out) throws IOException {
        writeBack();
        out.writeInt(windows.size());
        for (Map.Entry<Long, long[]> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            for (long word : e.getValue()) {
                out.writeLong(word);
            }
        }
        out.writeBytes(backend.snapshotBytes());
    }

    /** Restores what {@link #snapshot} wrote (same parallelism). */
    public void restore(StateReader in) throws IOException {
        readIndex(in);
        backend.restore(List.of(new ByteArrayInputStream(in.readBytes())));
    }

    /**
     * Restores from the snapshots of every instance of a run at another parallelism the groups {@code owned}
     * accepts (null: every group): the windows' bucket indexes are merged, every entry is loaded, then the groups
     * routed elsewhere are deleted bucket by bucket.
     */
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (StateReader in : snapshots) {
            readIndex(in);
            streams.add(new ByteArrayInputStream(in.readBytes()));
        }
        backend.restore(streams, key -> true);
        if (owned == null || owned.routing() == KeyOwnership.Routing.ALL) {
            return;
        }
        RowType keyType = inputType.project(groupFields);
        for (Map.Entry<Long, long[]> w : windows.entrySet()) {
            long[] bits = w.getValue();
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if ((bits[bucket >>> 6] & (1L << (bucket & 63))) == 0) {
                    continue;
                }
                selectBucket(w.getKey(), bucket);
                List<byte[]> keys = new ArrayList<>();
                for (byte[] k : panes().keys()) {
                    keys.add(k);
                }
                if (keys.isEmpty()) {
                    continue;
                }
                try (RowBatch decoded = RowBatch.allocate(keyType, allocator, keys.size())) {
                    FieldVector[] targets = new FieldVector[groupFields.length];
                    for (int c = 0; c < targets.length; c++) {
                        targets[c] = decoded.vector(c);
                    }
                    for (int j = 0; j < keys.size(); j++) {
                        DataInputStream in = new DataInputStream(new ByteArrayInputStream(keys.get(j)));
                        keyCodec.read(in, new StateReader(in), targets, j);
                    }
                    decoded.setRowCount(keys.size());
                    boolean[] mine = owned.ownedRows(decoded, groupFields, 0);
                    for (int j = 0; j < mine.length; j++) {
                        if (!mine[j]) {
                            panes().remove(keys.get(j));
                        }
                    }
                }
            }
        }
    }

    private void readIndex(StateReader in) throws IOException {
        int n = in.readInt();
        for (int w = 0; w < n; w++) {
            long end = in.readLong();
            long[] bits = windows.computeIfAbsent(end, e -> new long[WORDS]);
            for (int i = 0; i < WORDS; i++) {
                bits[i] |= in.readLong();
            }
        }
    }

    /** Bytes of state (on disk for RocksDB), an estimate for metrics. */
    public long stateSizeBytes() {
        return backend.stateSizeBytes();
    }

    @Override
    public void close() {
        try {
            if (accumulators != null) {
                for (RetractableAccumulator a : accumulators) {
                    if (a != null) {
                        a.close();
                    }
                }
                accumulators = null;
            }
            if (slots != null) {
                slots.close();
                slots = null;
            }
        } finally {
            if (backend != null) {
                backend.close();
                backend = null;
            }
        }
    }

}
