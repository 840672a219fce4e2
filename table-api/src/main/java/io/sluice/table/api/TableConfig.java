package io.sluice.table.api;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.Configuration;

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

    public <T> T get(ConfigOption<T> option) {
        return configuration.get(option);
    }

    /** The live configuration (changes apply to later statements). */
    public Configuration getConfiguration() {
        return configuration;
    }
}
