package io.sluice.table.api;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.UserFunctionLifecycle;

/** The session options of a {@link TableEnvironment} ({@code SET 'k' = 'v'} changes them). */
public final class TableConfig {
    private final Configuration configuration;

    public TableConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    public <T> TableConfig set(ConfigOption<T> option, T value) {
        configuration.set(option, value);
        return this;
    }

    public TableConfig set(String key, String value) {
        configuration.setString(key, value);
        return this;
    }

    /**
     * Adds a global job parameter that user-defined functions read with {@code FunctionContext.getJobParameter}
     * (stored, as in Flink, in the map option {@code pipeline.global-job-parameters}).
     */
    public TableConfig addJobParameter(String key, String value) {
        String current = configuration.getString(UserFunctionLifecycle.GLOBAL_JOB_PARAMETERS);
        java.util.Map<String, String> parameters = current == null ? new java.util.LinkedHashMap<>()
                : new java.util.LinkedHashMap<>(UserFunctionLifecycle.parseJobParameters(current));
        parameters.put(key, value);
        configuration.setString(UserFunctionLifecycle.GLOBAL_JOB_PARAMETERS,
                UserFunctionLifecycle.formatJobParameters(parameters));
        return this;
    }

    public <T> T get(ConfigOption<T> option) {
        return configuration.get(option);
    }

    /** The live configuration (changes apply to later statements). */
    public Configuration getConfiguration() {
        return configuration;
    }
}
