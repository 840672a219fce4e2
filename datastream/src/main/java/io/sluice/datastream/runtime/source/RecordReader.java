package io.sluice.datastream.runtime.source;

import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Reads serialized records {@code [next, end)} of a bounded source into {@link RecordBatches}, a batch at a time;
 * its position is the index of the next record.
 */
abstract class RecordReader implements SourceReader {
    private final ReaderContext context;
    protected long next;
    protected final long end;

    RecordReader(ReaderContext context, long start, long end) {
        this.context = context;
        this.next = start;
        this.end = end;
    }

    /** The serialized record at {@code index}. */
    abstract byte[] record(long index) throws Exception;

    @Override
    public void open() {
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        return pollUpTo(output, end);
    }

    /** Emits the records from the position up to (not including) index {@code limit}, a batch at most. */
    ReadStatus pollUpTo(Output output, long limit) throws Exception {
        if (next >= end) {
            return ReadStatus.END_OF_INPUT;
        }
        int n = (int) Math.min(context.batchSize(), Math.min(end, limit) - next);
        List<byte[]> records = new ArrayList<>(Math.max(n, 0));
        for (int i = 0; i < n; i++) {
            records.add(record(next + i));
        }
        next += Math.max(n, 0);
        emit(context, records, output);
        return next >= end ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
    }

    /** Emits serialized records as one batch (nothing when there are none). */
    static void emit(ReaderContext context, List<byte[]> records, Output output) throws Exception {
        int n = records.size();
        if (n == 0) {
            return;
        }
        RowBatch batch = RowBatch.allocate(RecordBatches.TYPE, context.allocator(), n);
        try {
            VarBinaryVector values = (VarBinaryVector) batch.vector(RecordBatches.RECORD);
            BigIntVector ts = (BigIntVector) batch.vector(RecordBatches.TIMESTAMP);
            IntVector hash = (IntVector) batch.vector(RecordBatches.KEY_HASH);
            IntVector exit = (IntVector) batch.vector(RecordBatches.EXIT);
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

    @Override
    public byte[] snapshotPosition() {
        return ByteBuffer.allocate(8).putLong(next).array();
    }

    @Override
    public void restorePosition(byte[] position) {
        next = ByteBuffer.wrap(position).getLong();
    }

    @Override
    public void close() {
    }
}
