package io.sluice.python.udf;

import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.functions.FunctionContext;

/**
 * Base class of the generated aggregate functions that run a Python function ({@code @udaf}): the generated
 * subclass declares typed {@code accumulate}/{@code retract} methods and a typed {@code getValue}; each call goes
 * to the Python worker with the pickled accumulator and returns the updated one.
 */
public abstract class PythonAggregateFunction extends AggregateFunction<Object, PythonAccumulator> {
    private static final long serialVersionUID = 1L;

    private PythonFunctionSpec spec;
    private transient PythonWorker worker;
    private transient io.sluice.runtime.types.LogicalType resultType;
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

    @Override
    public PythonAccumulator createAccumulator() {
        return new PythonAccumulator(worker().aggregate('N', null, new Object[0]));
    }

    /** Folds one row into the accumulator. */
    protected final void accumulateRow(PythonAccumulator acc, Object[] args) {
        acc.state = worker().aggregate('A', acc.state, args);
    }

    /** Takes one row back out of the accumulator. */
    protected final void retractRow(PythonAccumulator acc, Object[] args) {
        acc.state = worker().aggregate('X', acc.state, args);
    }

    /** The result for the accumulator, converted to {@code resultClass}. */
    protected final Object value(Class<?> resultClass, PythonAccumulator acc) {
        if (resultClass.isArray() && resultClass != byte[].class || resultClass == java.util.Map.class
                || resultClass == io.sluice.types.Row.class) {
            if (resultType == null) {
                resultType = io.sluice.codegen.udf.TypeStrings.parseType(spec.resultType);
            }
            return worker().aggregateValue(acc.state, resultType);
        }
        return worker().aggregateValue(acc.state, resultClass);
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
        return "Python aggregate function " + spec.name;
    }
}
