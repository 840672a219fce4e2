package io.sluice.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** String key/value options with typed reads through {@link ConfigOption}s. Not thread-safe. */
public final class Configuration {
    private final Map<String, String> values = new LinkedHashMap<>();

    public Configuration() {
    }

    public Configuration(Map<String, String> values) {
        this.values.putAll(values);
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        // a Duration's toString() (ISO-8601, "PT0.1S") is not the Flink syntax Durations parses
        String text = value instanceof java.time.Duration
                ? ((java.time.Duration) value).toMillis() + " ms" : String.valueOf(value);
        values.put(option.key(), text);
        return this;
    }

    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key) {
        return values.get(key);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public void remove(String key) {
        values.remove(key);
    }

    public void clear() {
        values.clear();
    }

    /** Explicitly set options, in the order they were set. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    public Configuration copy() {
        return new Configuration(values);
    }
}
