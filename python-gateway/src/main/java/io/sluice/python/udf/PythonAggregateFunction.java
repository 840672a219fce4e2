package io.sluice.python.udf;

import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.functions.FunctionContext;

/**
 * Base class of the generated aggregate functions that run a Python function ({@code @udaf}): the generated
 * subclass declares typed {@code accumulate}/{@code retract} methods and a typed {@code getValue}; each call goes
 * to the Python worker, where the accumulator lives ({@link PythonAccumulator}).
 */
public abstract class PythonAggregateFunction extends AggregateFunction<Object, PythonAccumulator>
        implements io.sluice.table.functions.python.PythonFunction {
    private static final long serialVersionUID = 1L;

    private PythonWorkerHandle python;
    private io.sluice.table.functions.python.PythonFunctionKind kind =
            io.sluice.table.functions.python.PythonFunctionKind.GENERAL;
    private transient io.sluice.runtime.types.LogicalType resultType;

    /** Sets what the worker needs; called once on the registered instance. */
    public final void configure(PythonFunctionSpec spec) {
        this.python = new PythonWorkerHandle(spec);
    }

    /** Sets what the worker needs and whether the Python function is a pandas one; called once. */
    public final void configure(PythonFunctionSpec spec, io.sluice.table.functions.python.PythonFunctionKind kind) {
        configure(spec);
        this.kind = kind;
    }

    @Override
    public io.sluice.table.functions.python.PythonFunctionKind getPythonFunctionKind() {
        return kind;
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

    /** The result for the accumulator, converted to {@code resultClass}. */
    protected final Object value(Class<?> resultClass, PythonAccumulator acc) {
        if (resultClass.isArray() && resultClass != byte[].class || resultClass == java.util.Map.class
                || resultClass == io.sluice.types.Row.class) {
            if (resultType == null) {
                resultType = io.sluice.codegen.udf.TypeStrings.parseType(python.spec.resultType);
            }
            return worker().value(acc, resultType);
        }
        return worker().value(acc, resultClass);
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
        return "Python aggregate function " + python.spec.name;
    }
}
