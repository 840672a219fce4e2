package io.sluice.python.udf;

import io.sluice.codegen.udf.BatchScalarFunction;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.ScalarFunction;

/**
 * Base class of the generated scalar functions that run a Python function: the generated subclass declares typed
 * {@code eval} methods that call {@link #invoke} (one row), and generated Calcs call {@link #evalBatch} (a whole
 * batch, the usual path). Each deserialized copy (one per operator instance) starts its own Python worker on first
 * use and stops it in {@link #close()}.
 */
public abstract class PythonScalarFunction extends ScalarFunction implements BatchScalarFunction {
    private static final long serialVersionUID = 1L;

    private PythonWorkerHandle python;
    private transient LogicalType resultType;

    /** Sets what the worker needs; called once on the registered instance. */
    public final void configure(PythonFunctionSpec spec) {
        this.python = new PythonWorkerHandle(spec);
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        python.open(context);
    }

    /** Calls the Python function for one row; the result is converted to {@code resultClass}. */
    protected final Object invoke(Class<?> resultClass, Object[] args) {
        if (resultClass.isArray() && resultClass != byte[].class || resultClass == java.util.Map.class
                || resultClass == io.sluice.types.Row.class) {
            return worker().call(args, resultType());
        }
        return worker().call(args, resultClass);
    }

    private LogicalType resultType() {
        if (resultType == null) {
            resultType = io.sluice.codegen.udf.TypeStrings.parseType(python.spec.resultType);
        }
        return resultType;
    }

    /** Calls the Python function once for a whole batch (column buffers both ways). */
    @Override
    public Object[] evalBatch(Object[][] arguments, int rowCount) {
        if (rowCount == 0) {
            return new Object[0];
        }
        return worker().callBatch(arguments, rowCount, resultType());
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
        return "Python function " + python.spec.name;
    }
}
