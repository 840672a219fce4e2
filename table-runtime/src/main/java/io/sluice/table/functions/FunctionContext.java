package io.sluice.table.functions;

import io.sluice.metrics.MetricGroup;
import java.util.Map;

/**
 * What a user-defined function can see in {@link UserDefinedFunction#open}: the job's configuration
 * (session options, as Flink's job parameters), the class loader that loaded the function and the metric group of
 * the operator instance running it.
 */
public final class FunctionContext {
    private final Map<String, String> jobParameters;
    private final ClassLoader userCodeClassLoader;
    private final MetricGroup metricGroup;

    /**
     * Creates a context; {@code jobParameters} is copied. Its metric group belongs to no job (metrics registered
     * there are counted but nobody reads them).
     */
    public FunctionContext(Map<String, String> jobParameters, ClassLoader userCodeClassLoader) {
        this(jobParameters, userCodeClassLoader, new io.sluice.runtime.metrics.UserMetricGroup());
    }

    /** Creates a context whose function registers its metrics in {@code metricGroup}. */
    public FunctionContext(Map<String, String> jobParameters, ClassLoader userCodeClassLoader,
            MetricGroup metricGroup) {
        this.jobParameters = Map.copyOf(jobParameters);
        this.userCodeClassLoader = userCodeClassLoader;
        this.metricGroup = metricGroup;
    }

    /**
     * The metric group of the operator instance running the function: counters, gauges and meters registered there
     * are part of the job's metrics.
     */
    public MetricGroup getMetricGroup() {
        return metricGroup;
    }

    /** The value of job parameter (session option) {@code key}, or {@code defaultValue}. */
    public String getJobParameter(String key, String defaultValue) {
        return jobParameters.getOrDefault(key, defaultValue);
    }

    /** All job parameters (unmodifiable), for runtimes that hand them on, such as Python function workers. */
    public Map<String, String> getJobParameters() {
        return jobParameters;
    }

    /** The class loader of the function (an isolated loader for functions from {@code USING JAR}). */
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }
}
