package io.sluice.runtime.operator.calc;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.generated.UserFunctionLifecycle;
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
 * rows it wrote. Batches with no surviving rows are not emitted. The input batch is closed; the kernel may take
 * its vectors (a filter-free projection hands an input column on as an output column without copying it).
 *
 * <p><b>Streaming semantics:</b> stateless; forwards watermarks, after handing each to the kernels (CURRENT_WATERMARK
 * reads the latest one; before the first it is NULL). Insert-only input gives insert-only
 * output. Each kept row of a changelog input keeps its row kind (Flink filters a changelog row by
 * row, so a {@code +U} may pass where its {@code -U} did not). The kernel does not report which rows
 * it kept, so a filtering calc over a changelog gets the same condition as a {@link BatchPredicate}
 * and evaluates it again for batches that hold updates or deletes.
 */
public final class CalcOperator implements StreamOperator {
    private final GeneratedClass<BatchCalc> calc;
    private final GeneratedClass<BatchPredicate> rowKindFilter;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private BatchCalc kernel;
    private BatchPredicate filter;
    private int[] selection = new int[0];

    /** A calc over insert-only input, or a pure projection. */
    public CalcOperator(GeneratedClass<BatchCalc> calc, RowType outputType) {
        this(calc, null, outputType);
    }

    /**
     * A calc whose input may hold updates and deletes: {@code rowKindFilter} is the calc's condition
     * (null when there is none), used to select the row kinds of the rows the kernel keeps.
     */
    public CalcOperator(GeneratedClass<BatchCalc> calc, GeneratedClass<BatchPredicate> rowKindFilter,
            RowType outputType) {
        this.calc = calc;
        this.rowKindFilter = rowKindFilter;
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.context = context;
        this.output = output;
        this.kernel = calc.newInstance();
        this.filter = rowKindFilter == null ? null : rowKindFilter.newInstance();
        UserFunctionLifecycle.open(context, kernel, filter);
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
        if (allRowsKept) {
            TransferPair tp = kinds.getTransferPair(context.allocator());
            tp.transfer();
            out.setRowKinds((TinyIntVector) tp.getTo());
            return;
        }
        if (filter == null) {
            throw new UnsupportedFeatureException("filtering Calc over an updating (changelog) input without"
                    + " its condition as a row-kind filter");
        }
        int rows = in.rowCount();
        if (selection.length < rows) {
            selection = new int[rows];
        }
        int kept = filter.filter(in.root(), rows, selection);
        if (kept != out.rowCount()) {
            throw new IllegalStateException("row-kind filter kept " + kept + " rows, the calc " + out.rowCount());
        }
        TinyIntVector outKinds = new TinyIntVector("$row_kind", context.allocator());
        outKinds.allocateNew(Math.max(kept, 1));
        for (int i = 0; i < kept; i++) {
            outKinds.set(i, kinds.get(selection[i]));
        }
        outKinds.setValueCount(kept);
        out.setRowKinds(outKinds);
    }

    /** Hands the watermark to the kernels (for CURRENT_WATERMARK), then forwards it. */
    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        kernel.setCurrentWatermark(watermark);
        if (filter != null) {
            filter.setCurrentWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() throws Exception {
        Object k = kernel;
        Object f = filter;
        kernel = null;
        filter = null;
        UserFunctionLifecycle.close(k, f);
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
