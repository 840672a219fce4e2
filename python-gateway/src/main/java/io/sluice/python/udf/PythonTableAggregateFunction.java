package io.sluice.python.udf;

import io.sluice.codegen.udf.TypeStrings;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.TableAggregateFunction;
import io.sluice.types.Row;
import io.sluice.util.Collector;

/**
 * Base class of the generated table aggregate functions that run a Python function ({@code @udtaf}): the generated
 * subclass carries the ROW result type as its {@code @DataTypeHint} and typed {@code accumulate}/{@code retract}
 * methods; each call goes to the Python worker, where the accumulator lives ({@link PythonAccumulator}), and
 * {@link #emitValue} emits the rows the Python {@code emit_value} returns or yields.
 */
public abstract class PythonTableAggregateFunction extends TableAggregateFunction<Row, PythonAccumulator> {
    private static final long serialVersionUID = 1L;

    private PythonWorkerHandle python;
    private transient LogicalType[] fieldTypes;

    /** Sets what the worker needs; called once on the registered instance. */
    public final void configure(PythonFunctionSpec spec) {
        this.python = new PythonWorkerHandle(spec);
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        python.open(context);
    }

    @Override
    public PythonAccumulator createAccumulator() {
        return worker().newAccumulator();
    }

    /** Folds one row into the accumulator. */
    protected final void accumulateRow(PythonAccumulator acc, Object[] args) {
        worker().step('a', acc, args);
    }

    /** Takes one row back out of the accumulator. */
    protected final void retractRow(PythonAccumulator acc, Object[] args) {
        worker().step('x', acc, args);
    }

    /** Emits the rows of the Python function's {@code emit_value} for the accumulator. */
    public void emitValue(PythonAccumulator acc, Collector<Row> out) {
        if (fieldTypes == null) {
            RowType row = TypeStrings.parseRow(python.spec.resultType);
            fieldTypes = new LogicalType[row.size()];
            for (int i = 0; i < fieldTypes.length; i++) {
                fieldTypes[i] = row.type(i);
            }
        }
        for (Object[] fields : worker().emitRows(acc, fieldTypes)) {
            out.collect(Row.of(fields));
        }
    }

    private PythonWorker worker() {
        return python.worker();
    }

    @Override
    public boolean isDeterministic() {
        return python.spec.deterministic;
    }

    @Override
    public void close() throws Exception {
        python.close();
    }

    @Override
    public String toString() {
        return "Python table aggregate function " + python.spec.name;
    }
}
