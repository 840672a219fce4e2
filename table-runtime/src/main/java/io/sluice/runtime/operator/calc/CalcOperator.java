package io.sluice.runtime.operator.calc;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Runs a generated {@link BatchCalc} (a fused filter and projection) over every batch: allocates
 * output vectors with room for all input rows, lets the kernel fill them, and emits a batch of the
 * rows it wrote. Batches with no surviving rows are not emitted. The input batch is closed.
 *
 * <p><b>Streaming semantics:</b> stateless; forwards watermarks. Insert-only input gives insert-only
 * output. Row kinds of a changelog input are carried over when the kernel keeps every row (a pure
 * projection); a filtering calc over a batch holding updates or deletes is not supported yet (it
 * throws {@link UnsupportedFeatureException}) because the kernel does not report which rows it kept.
 */
public final class CalcOperator implements StreamOperator {
    private final GeneratedClass<BatchCalc> calc;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private BatchCalc kernel;

    public CalcOperator(GeneratedClass<BatchCalc> calc, RowType outputType) {
        this.calc = calc;
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.kernel = calc.newInstance();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        RowBatch out;
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            out = RowBatch.allocate(outputType, context.allocator(), rows);
            try {
                List<FieldVector> vectors = out.root().getFieldVectors();
                ValueVector[] outputs = vectors.toArray(new ValueVector[0]);
                int written = kernel.process(batch.root(), rows, outputs);
                if (written == 0) {
                    out.close();
                    return;
                }
                out.setRowCount(written);
                carryRowKinds(batch, out, written == rows);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
        }
        output.emit(out);
    }

    private void carryRowKinds(RowBatch in, RowBatch out, boolean allRowsKept) {
        TinyIntVector kinds = in.rowKinds();
        if (kinds == null || in.isInsertOnly()) {
            return;
        }
        if (!allRowsKept) {
            throw new UnsupportedFeatureException("filtering Calc over an updating (changelog) input");
        }
        TransferPair tp = kinds.getTransferPair(context.allocator());
        tp.transfer();
        out.setRowKinds((TinyIntVector) tp.getTo());
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() {
        kernel = null;
    }
}
