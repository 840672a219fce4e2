package io.sluice.python.udf;

import java.io.Serializable;

/**
 * What a Python worker needs to run one function: its name, the cloudpickled function, the interpreter and the
 * {@code PYTHONPATH} holding the {@code sluice} package. Travels (serialized) with each copy of the function.
 */
public final class PythonFunctionSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    final byte[] payload;
    final String python;
    final String pythonPath;
    final boolean deterministic;
    /** The SQL type text of the result (a scalar function's type, a table function's ROW type). */
    final String resultType;

    public PythonFunctionSpec(String name, byte[] payload, String python, String pythonPath, boolean deterministic,
            String resultType) {
        this.name = name;
        this.payload = payload;
        this.python = python;
        this.pythonPath = pythonPath;
        this.deterministic = deterministic;
        this.resultType = resultType;
    }

    /**
     * Starts a worker; {@code jobParameters} (the function context's) reach the Python function's {@code open()}, and
     * their {@code python.executable}, as in PyFlink, overrides the interpreter; the metrics the function registers
     * go to {@code metricGroup} (none when null).
     */
    PythonWorker startWorker(java.util.Map<String, String> jobParameters,
            io.sluice.metrics.MetricGroup metricGroup) {
        String executable = jobParameters.getOrDefault("python.executable", python);
        return new PythonWorker(name, executable, pythonPath, payload, jobParameters,
                metricGroup == null ? null : new io.sluice.python.PythonMetrics(metricGroup));
    }
}
