package io.sluice.runtime.operator.correlate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Joins every input row with the rows a table function returns for it ({@code LATERAL TABLE(f(x))}): INNER
 * drops input rows without function rows, LEFT keeps them once with NULL function columns. Output columns
 * are the input's followed by the function's. The function is called row by row through generated code
 * ({@link BatchTableFunction}); its instance is opened once per operator instance and closed at the end.
 *
 * <p><b>Streaming semantics:</b> stateless; forwards watermarks. Every output row carries the row kind of
 * the input row it came from, so insert-only input gives insert-only output and a changelog input gives a
 * changelog (a {@code -D} of an input row retracts all rows the function produced for it, provided the
 * function is deterministic).
 */
public final class CorrelateOperator implements StreamOperator {
    private final GeneratedClass<BatchTableFunction> function;
    private final RowType outputType;
    private final RowType functionType;
    private final boolean leftJoin;

    private OperatorContext context;
    private Output output;
    private BatchTableFunction kernel;
    private CorrelateCollector collector;

    /**
     * @param function generated code calling the table function for each input row
     * @param outputType input columns followed by {@code functionType}'s columns
     * @param functionType the columns the function emits
     * @param leftJoin LEFT (keep rows without function output) or INNER
     */
    public CorrelateOperator(GeneratedClass<BatchTableFunction> function, RowType outputType, RowType functionType,
            boolean leftJoin) {
        this.function = function;
        this.outputType = outputType;
        this.functionType = functionType;
        this.leftJoin = leftJoin;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.context = context;
        this.output = output;
        this.kernel = function.newInstance();
        this.collector = new CorrelateCollector(outputType.size() - functionType.size(), functionType, leftJoin);
        kernel.setCollector(collector);
        UserFunctionLifecycle.open(context, kernel);
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
                collector.begin(batch.root(), out);
                kernel.process(batch.root(), rows, collector);
                int written = collector.written();
                if (written == 0) {
                    out.close();
                    return;
                }
                out.setRowCount(written);
                if (!batch.isInsertOnly()) {
                    TinyIntVector in = batch.rowKinds();
                    TinyIntVector kinds = new TinyIntVector("$row_kind", context.allocator());
                    kinds.allocateNew(written);
                    for (int k = 0; k < written; k++) {
                        kinds.set(k, in.get(collector.source(k)));
                    }
                    kinds.setValueCount(written);
                    out.setRowKinds(kinds);
                }
            } catch (Throwable t) {
                out.close();
                throw t;
            }
        }
        output.emit(out);
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() throws Exception {
        Object k = kernel;
        kernel = null;
        UserFunctionLifecycle.close(k);
    }
}
