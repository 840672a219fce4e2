package io.sluice.python.udf;

import io.sluice.table.functions.FunctionContext;
import java.io.Serializable;
import java.util.Map;

/**
 * What every Python-backed function class keeps: the function's spec (serialized with the function) and, per
 * deserialized copy (one per operator instance), the Python worker started on first use with the job parameters and
 * metric group of {@link #open}, stopped by {@link #close}.
 */
final class PythonWorkerHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    final PythonFunctionSpec spec;
    private transient PythonWorker worker;
    private transient Map<String, String> jobParameters;
    private transient io.sluice.metrics.MetricGroup metricGroup;

    PythonWorkerHandle(PythonFunctionSpec spec) {
        this.spec = spec;
    }

    /** Takes the job parameters and metric group of the function's context and starts the worker. */
    void open(FunctionContext context) {
        jobParameters = context.getJobParameters();
        metricGroup = context.getMetricGroup();
        worker();
    }

    /** The worker, started on first use. */
    PythonWorker worker() {
        if (worker == null) {
            worker = spec.startWorker(jobParameters != null ? jobParameters : Map.of(), metricGroup);
        }
        return worker;
    }

    /** Stops the worker, if one was started. */
    void close() throws Exception {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
