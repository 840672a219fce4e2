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

    private PythonFunctionSpec spec;
    private transient LogicalType resultType;
    private transient PythonWorker worker;
    private transient java.util.Map<String, String> jobParameters;
    private transient io.sluice.metrics.MetricGroup metricGroup;

    /** Sets what the worker needs; called once on the registered instance. */
    public final void configure(PythonFunctionSpec spec) {
        this.spec = spec;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        jobParameters = context.getJobParameters();
        metricGroup = context.getMetricGroup();
        worker();
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
            resultType = io.sluice.codegen.udf.TypeStrings.parseType(spec.resultType);
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
        if (worker == null) {
            worker = spec.startWorker(jobParameters != null ? jobParameters : java.util.Map.of(), metricGroup);
        }
        return worker;
    }

    @Override
    public boolean isDeterministic() {
        return spec.deterministic;
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public String toString() {
        return "Python function " + spec.name;
    }
}
