package io.sluice.configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings given to {@code StreamExecutionEnvironment.getExecutionEnvironment(Configuration)}, by Flink's keys
 * ({@code parallelism.default}, {@code execution.runtime-mode}, {@code execution.checkpointing.interval},
 * {@code execution.checkpointing.dir}, {@code restart-strategy.type}, {@code state.backend.type}, ...).
 */
public class Configuration implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> values = new LinkedHashMap<>();

    public Configuration() {
    }

    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public Configuration setInteger(String key, int value) {
        return setString(key, String.valueOf(value));
    }

    public Configuration setLong(String key, long value) {
        return setString(key, String.valueOf(value));
    }

    public Configuration setBoolean(String key, boolean value) {
        return setString(key, String.valueOf(value));
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    public Map<String, String> toMap() {
        return new LinkedHashMap<>(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
