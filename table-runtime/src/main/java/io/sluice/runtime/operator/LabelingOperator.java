package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Labels every row with one constant string, put first: the output type is a string column followed by the input's
 * columns, which are moved over without copying. Labels the rows of a side output routed to a table: late rows with
 * the operator that found them late ({@code LateRows.TABLE_TYPE}), bad records with the table they were read for
 * ({@code BadRecords.TABLE_TYPE}).
 *
 * <p><b>Streaming semantics:</b> stateless; insert-only in and out; watermarks are forwarded unchanged.
 */
public final class LabelingOperator implements StreamOperator {
    private final byte[] label;
    private final RowType outputType;

    private BufferAllocator allocator;
    private Output output;

    /** Labels rows with {@code label}; {@code outputType} is a string column, then the input's columns. */
    public LabelingOperator(String label, RowType outputType) {
        this.label = label.getBytes(StandardCharsets.UTF_8);
        this.outputType = outputType;
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
            VarCharVector name = (VarCharVector) outputType.toArrowSchema().getFields().get(0)
                    .createVector(allocator);
            vectors.add(name);
            try {
                name.allocateNew((long) label.length * rows, rows);
                for (int i = 0; i < rows; i++) {
                    name.setSafe(i, label);
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
            out = RowBatch.of(outputType, vectors, rows);
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
