package io.sluice.datastream.runtime.source;

import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import java.nio.ByteBuffer;
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
        if (next >= end) {
            return ReadStatus.END_OF_INPUT;
        }
        int n = (int) Math.min(context.batchSize(), end - next);
        RowBatch batch = RowBatch.allocate(RecordBatches.TYPE, context.allocator(), n);
        try {
            VarBinaryVector records = (VarBinaryVector) batch.vector(RecordBatches.RECORD);
            BigIntVector ts = (BigIntVector) batch.vector(RecordBatches.TIMESTAMP);
            IntVector hash = (IntVector) batch.vector(RecordBatches.KEY_HASH);
            IntVector exit = (IntVector) batch.vector(RecordBatches.EXIT);
            for (int i = 0; i < n; i++) {
                records.setSafe(i, record(next + i));
                ts.setNull(i);
                hash.setNull(i);
                exit.setSafe(i, 0);
            }
            batch.setRowCount(n);
        } catch (Exception e) {
            batch.close();
            throw e;
        }
        next += n;
        output.emit(batch);
        return next >= end ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
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
