package io.sluice.table.api;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;

/** How a {@link TableEnvironment} runs: streaming (the default) or batch, plus initial options. */
public final class EnvironmentSettings {
    private final Configuration configuration;

    private EnvironmentSettings(Configuration configuration) {
        this.configuration = configuration;
    }

    public static EnvironmentSettings inStreamingMode() {
        return newInstance().inStreamingMode().build();
    }

    public static EnvironmentSettings inBatchMode() {
        return newInstance().inBatchMode().build();
    }

    public static Builder newInstance() {
        return new Builder();
    }

    public boolean isStreamingMode() {
        return configuration.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
    }

    /** A copy of the initial options. */
    public Configuration getConfiguration() {
        return configuration.copy();
    }

    /** Builds {@link EnvironmentSettings}. */
    public static final class Builder {
        private final Configuration configuration = new Configuration();

        public Builder inStreamingMode() {
            configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeMode.STREAMING);
            return this;
        }

        public Builder inBatchMode() {
            configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeMode.BATCH);
            return this;
        }

        public Builder withConfiguration(Configuration config) {
            config.toMap().forEach(configuration::setString);
            return this;
        }

        public EnvironmentSettings build() {
            return new EnvironmentSettings(configuration.copy());
        }
    }
}
