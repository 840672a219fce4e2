package io.sluice.runtime.operator.setop;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.RoutedKey;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StoredRowCodec;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * {@code INTERSECT ALL} and {@code EXCEPT ALL} over streams: keeps, per distinct row (all columns, NULLs equal to each
 * other), how often it occurs in each input, and emits the change of how often it belongs to the result,
 * {@code min(left, right)} (INTERSECT ALL) or {@code max(left - right, 0)} (EXCEPT ALL): as many {@code +I} copies of
 * the row as that number grew by, or {@code -D} copies as it shrank by.
 *
 * <p>The counts live in the job's keyed-state backend ({@code state.backend.type}: on the heap with {@code hashmap},
 * on disk with {@code rocksdb}), one value per distinct row; a batch reads and writes each of its distinct rows once.
 *
 * <p><b>Streaming semantics:</b> input changelog mode: any ({@code +I}/{@code +U} add one occurrence, {@code -U}/{@code
 * -D} take one away). Output: {@code +I} and {@code -D}; insert-only for an INTERSECT ALL of insert-only inputs. State:
 * two counts per distinct row (a row whose counts are both zero is deleted), no TTL. Watermarks are forwarded. A
 * checkpoint holds the backend's snapshot; restored at another parallelism (both inputs hash-partitioned on every
 * column), an instance keeps the rows the exchanges now route to it.
 */
public final class StreamingMultisetOperator implements StreamOperator, RescalableOperator {
    private final MultisetOperator.Kind kind;
    private final RowType type;
    private final StoredRowCodec codec;
    private final int[] allColumns;

    private OperatorContext context;
    private Output output;
    private int maxParallelism;
    private KeyedStateBackend<RoutedKey> backend;
    private KeyedValueState<VoidNamespace, byte[]> counts;

    public StreamingMultisetOperator(MultisetOperator.Kind kind, RowType type) {
        this.kind = kind;
        this.type = type;
        this.codec = new StoredRowCodec(type);
        this.allColumns = new int[type.size()];
        for (int i = 0; i < allColumns.length; i++) {
            allColumns[i] = i;
        }
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.maxParallelism = context.config().get(StateOptions.MAX_PARALLELISM);
        this.backend = KeyedStateBackends.create(context.config(), RoutedKey.serializer("sql-multiset-row"),
                KeyGroupRange.all(maxParallelism), context.operatorName() + "#" + context.subtaskIndex());
        this.counts = backend.getValueState("row-counts", StateSerializers.BYTES);
    }

    /** How often a row with these counts belongs to the result. */
    private long resultCount(long left, long right) {
        return kind == MultisetOperator.Kind.INTERSECT_ALL ? Math.max(Math.min(left, right), 0)
                : Math.max(left - right, 0);
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int n = batch.rowCount();
            FieldVector[] vectors = batch.root().getFieldVectors().toArray(new FieldVector[0]);
            // per distinct row of the batch: the change of its count, and one of its rows (to emit copies of)
            Map<RoutedKey, long[]> changes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                RoutedKey key = new RoutedKey(KeyOwnership.keyHash(vectors, i), codec.encode(vectors, i));
                long[] change = changes.computeIfAbsent(key, k -> new long[2]);
                change[0] += batch.rowKind(i).isAccumulate() ? 1 : -1;
                change[1] = i;
            }
            Emitted emitted = new Emitted(batch);
            for (Map.Entry<RoutedKey, long[]> e : changes.entrySet()) {
                RoutedKey key = e.getKey();
                backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
                byte[] stored = counts.value();
                long left = stored == null ? 0 : ByteBuffer.wrap(stored).getLong(0);
                long right = stored == null ? 0 : ByteBuffer.wrap(stored).getLong(8);
                long before = resultCount(left, right);
                if (input == 0) {
                    left += e.getValue()[0];
                } else {
                    right += e.getValue()[0];
                }
                counts.update(left == 0 && right == 0 ? null : ByteBuffer.allocate(16).putLong(left).putLong(right)
                        .array());
                long change = resultCount(left, right) - before;
                int row = (int) e.getValue()[1];
                for (long c = 0; c < Math.abs(change); c++) {
                    emitted.add(row, change > 0 ? RowKind.INSERT : RowKind.DELETE);
                }
            }
            emitted.flush();
        }
    }

    /** Copies of the input batch's rows with their row kinds, emitted a batch at a time. */
    private final class Emitted {
        private final RowBatch from;
        private final int batchSize = context.batchSize();
        private final int[] picks = new int[batchSize];
        private final byte[] kinds = new byte[batchSize];
        private int count;

        Emitted(RowBatch from) {
            this.from = from;
        }

        void add(int row, RowKind rowKind) throws Exception {
            picks[count] = row;
            kinds[count++] = rowKind.toByteValue();
            if (count == batchSize) {
                flush();
            }
        }

        void flush() throws Exception {
            int n = count;
            if (n == 0) {
                return;
            }
            count = 0;
            RowBatch out = RowBatch.allocate(type, context.allocator(), n);
            try {
                for (int c = 0; c < type.size(); c++) {
                    VectorGather.gather(from.vector(c), picks, 0, n, out.vector(c), 0);
                }
                TinyIntVector rowKinds = new TinyIntVector("$row_kind", context.allocator());
                out.setRowKinds(rowKinds);
                rowKinds.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    rowKinds.set(i, kinds[i]);
                }
                rowKinds.setValueCount(n);
                out.setRowCount(n);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
            output.emit(out);
        }
    }

    /** Nothing is held back: every change was emitted with the batch that caused it. */
    @Override
    public void endInput(int input) {
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeBytes(backend.snapshotBytes());
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        backend.restore(List.of(new ByteArrayInputStream(in.readBytes())));
    }

    /** Restores the counts of the rows the exchanges (hashing every column) now route to this instance. */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        boolean every = owned == null || owned.routing() == KeyOwnership.Routing.ALL;
        if (!every && (!Arrays.equals(owned.inputKeys(0), allColumns)
                || !Arrays.equals(owned.inputKeys(1), allColumns))) {
            throw new UnsupportedFeatureException(kind + " state restored at another parallelism when its inputs are"
                    + " not partitioned by every column");
        }
        List<InputStream> streams = new ArrayList<>();
        for (StateReader in : snapshots) {
            streams.add(new ByteArrayInputStream(in.readBytes()));
        }
        backend.restore(streams, key -> every || owned.ownsHash(RoutedKey.hashOf(key)));
    }

    /** Bytes of state (on the heap, or on disk for RocksDB), an estimate for metrics. */
    public long stateSizeBytes() {
        return backend == null ? 0 : backend.stateSizeBytes();
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
