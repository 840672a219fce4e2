package io.sluice.runtime.operator.union;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * {@code UNION ALL} of {@code n} inputs: every batch of every input is passed on as it arrives,
 * re-labelled with the output row type (inputs may differ in field names and nullability; the value
 * types must be equal). Re-labelling moves the buffers without copying values. The operator has
 * ended once every input has ended.
 *
 * <p><b>Streaming semantics:</b> stateless. Row kinds pass through unchanged, so the output changelog
 * mode is the union of the inputs' modes. Watermarks are forwarded as they arrive: the task runtime
 * delivers the minimum over the inputs.
 */
public final class UnionOperator implements StreamOperator {
    private final int inputCount;
    private final RowType outputType;
    private final List<Field> outputFields;

    private BufferAllocator allocator;
    private Output output;
    private int endedInputs;

    public UnionOperator(int inputCount, RowType outputType) {
        if (inputCount < 1) {
            throw new IllegalArgumentException("UNION needs at least one input");
        }
        this.inputCount = inputCount;
        this.outputType = outputType;
        this.outputFields = outputType.toArrowSchema().getFields();
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = output;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        if (batch.type().equals(outputType)) {
            output.emit(batch);
            return;
        }
        RowBatch relabelled;
        try (batch) {
            relabelled = relabel(batch);
        }
        output.emit(relabelled);
    }

    private RowBatch relabel(RowBatch batch) {
        if (batch.columnCount() != outputFields.size()) {
            throw new IllegalStateException("UNION input has " + batch.columnCount() + " columns, expected "
                    + outputFields.size());
        }
        int rows = batch.rowCount();
        List<FieldVector> vectors = new ArrayList<>(outputFields.size());
        try {
            for (int c = 0; c < outputFields.size(); c++) {
                FieldVector v = batch.vector(c);
                Field target = outputFields.get(c);
                if (!v.getField().getType().equals(target.getType())) {
                    throw new IllegalStateException("UNION input column " + c + " has type "
                            + v.getField().getType() + ", expected " + target.getType());
                }
                TransferPair tp = v.getTransferPair(target, allocator);
                tp.transfer();
                vectors.add((FieldVector) tp.getTo());
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        RowBatch out = RowBatch.of(outputType, vectors, rows);
        TinyIntVector kinds = batch.rowKinds();
        if (kinds != null) {
            TransferPair tp = kinds.getTransferPair(allocator);
            tp.transfer();
            out.setRowKinds((TinyIntVector) tp.getTo());
        }
        return out;
    }

    @Override
    public void endInput(int input) {
        endedInputs++;
    }

    /** True once every input has ended. */
    public boolean allInputsEnded() {
        return endedInputs >= inputCount;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
