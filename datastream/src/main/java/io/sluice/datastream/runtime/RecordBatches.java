package io.sluice.datastream.runtime;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * How DataStream records travel between tasks: a batch with one row per record. Column {@value #RECORD} holds the
 * record serialized by its stream's serializer, {@value #TIMESTAMP} its event time (null when it has none),
 * {@value #KEY_HASH} the {@code hashCode()} of its key when the consumer is keyed (the exchange routes on it by key
 * group), and {@value #EXIT} which of the producing chain's outputs the row belongs to (each consumer reads its own).
 */
public final class RecordBatches {
    public static final int RECORD = 0;
    public static final int TIMESTAMP = 1;
    public static final int KEY_HASH = 2;
    public static final int EXIT = 3;
    /** The row type of every batch between DataStream tasks. */
    public static final RowType TYPE = RowType.of(new String[] {"record", "timestamp", "key_hash", "exit"},
            new LogicalType[] {LogicalType.bytes(), LogicalType.bigint(), LogicalType.integer(), LogicalType.integer()});
    /** The timestamp of a record without one. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private RecordBatches() {
    }

    public static VarBinaryVector records(RowBatch b) {
        return (VarBinaryVector) b.vector(RECORD);
    }

    public static BigIntVector timestamps(RowBatch b) {
        return (BigIntVector) b.vector(TIMESTAMP);
    }

    public static IntVector exits(RowBatch b) {
        return (IntVector) b.vector(EXIT);
    }

    /** The timestamp of row {@code row}, or {@link #NO_TIMESTAMP}. */
    public static long timestamp(RowBatch b, int row) {
        BigIntVector v = timestamps(b);
        return v.isNull(row) ? NO_TIMESTAMP : v.get(row);
    }

    /**
     * Emits serialized records (without timestamps or key hashes) as one batch of this layout; nothing when there
     * are none.
     */
    public static void emit(org.apache.arrow.memory.BufferAllocator allocator, java.util.List<byte[]> records,
            io.sluice.runtime.operator.Output output) throws Exception {
        int n = records.size();
        if (n == 0) {
            return;
        }
        RowBatch batch = RowBatch.allocate(TYPE, allocator, n);
        try {
            VarBinaryVector values = (VarBinaryVector) batch.vector(RECORD);
            BigIntVector ts = (BigIntVector) batch.vector(TIMESTAMP);
            IntVector hash = (IntVector) batch.vector(KEY_HASH);
            IntVector exit = (IntVector) batch.vector(EXIT);
            for (int i = 0; i < n; i++) {
                values.setSafe(i, records.get(i));
                ts.setNull(i);
                hash.setNull(i);
                exit.setSafe(i, 0);
            }
            batch.setRowCount(n);
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        output.emit(batch);
    }
}
