package io.sluice.table.functions;

import java.util.Map;

/**
 * What a user-defined function can see in {@link UserDefinedFunction#open}: the job's configuration
 * (session options, as Flink's job parameters) and the class loader that loaded the function.
 */
public final class FunctionContext {
    private final Map<String, String> jobParameters;
    private final ClassLoader userCodeClassLoader;

    /** Creates a context; {@code jobParameters} is copied. */
    public FunctionContext(Map<String, String> jobParameters, ClassLoader userCodeClassLoader) {
        this.jobParameters = Map.copyOf(jobParameters);
        this.userCodeClassLoader = userCodeClassLoader;
    }

    /** The value of job parameter (session option) {@code key}, or {@code defaultValue}. */
    public String getJobParameter(String key, String defaultValue) {
        return jobParameters.getOrDefault(key, defaultValue);
    }

    /** The class loader of the function (an isolated loader for functions from {@code USING JAR}). */
    /** All job parameters (unmodifiable), for runtimes that hand them on, such as Python function workers. */
    public Map<String, String> getJobParameters() {
        return jobParameters;
    }

    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }
}
