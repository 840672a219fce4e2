package io.sluice.runtime.operator.badrecords;

import io.sluice.runtime.connector.BadRecords;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Consumes the {@link BadRecords#SIDE_OUTPUT bad-records side output} of one source and labels its records with the
 * source table's name: input {@link BadRecords#SIDE_OUTPUT_TYPE}, output {@link BadRecords#TABLE_TYPE} (the
 * {@code table_name} column first, the other columns moved over without copying).
 *
 * <p><b>Streaming semantics:</b> stateless; insert-only in and out; watermarks are forwarded unchanged.
 */
public final class BadRecordsOperator implements StreamOperator {
    private final byte[] tableName;

    private BufferAllocator allocator;
    private Output output;

    /** Labels bad records with {@code tableName}, the fully qualified name of the table they were read for. */
    public BadRecordsOperator(String tableName) {
        this.tableName = tableName.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = output;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        RowBatch out;
        try (batch) {
            int rows = batch.rowCount();
            List<FieldVector> vectors = new ArrayList<>();
            VarCharVector name = (VarCharVector) BadRecords.TABLE_TYPE.toArrowSchema().getFields().get(0)
                    .createVector(allocator);
            vectors.add(name);
            try {
                name.allocateNew((long) tableName.length * rows, rows);
                for (int i = 0; i < rows; i++) {
                    name.setSafe(i, tableName);
                }
                name.setValueCount(rows);
                for (int c = 0; c < batch.columnCount(); c++) {
                    TransferPair tp = batch.vector(c).getTransferPair(allocator);
                    tp.transfer();
                    vectors.add((FieldVector) tp.getTo());
                }
            } catch (RuntimeException e) {
                vectors.forEach(FieldVector::close);
                throw e;
            }
            out = RowBatch.of(BadRecords.TABLE_TYPE, vectors, rows);
        }
        output.emit(out);
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public boolean isStateless() {
        return true;
    }

    @Override
    public void close() {
    }
}
