package io.sluice.runtime.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One option the engine or a connector reads: key, value type, default and description. Every
 * option is declared once as a constant (see {@link ExecutionOptions}) so {@code SET} can validate
 * keys and list them.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {
    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;

    ConfigOption(String key, Class<T> type, T defaultValue, String description) {
        this.key = Objects.requireNonNull(key);
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, type, defaultValue, description);
    }

    /**
     * Parses a string value into this option's type.
     *
     * @throws IllegalArgumentException naming the key and the expected type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T parse(String value) {
        String v = value.trim();
        try {
            if (type == String.class) {
                return (T) value;
            } else if (type == Integer.class) {
                return (T) Integer.valueOf(v);
            } else if (type == Long.class) {
                return (T) Long.valueOf(v);
            } else if (type == Double.class) {
                return (T) Double.valueOf(v);
            } else if (type == Boolean.class) {
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return (T) Boolean.valueOf(v.toLowerCase());
                }
                throw new IllegalArgumentException();
            } else if (type == Character.class) {
                String unescaped = v.equals("\\t") ? "\t" : value;
                if (unescaped.length() != 1) {
                    throw new IllegalArgumentException();
                }
                return (T) Character.valueOf(unescaped.charAt(0));
            } else if (type == Duration.class) {
                return (T) Durations.parse(v);
            } else if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum) c).name().equalsIgnoreCase(v.replace('-', '_'))) {
                        return (T) c;
                    }
                }
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Could not parse value '" + value + "' for key '" + key
                    + "': expected " + typeDescription(), e);
        }
        throw new IllegalStateException("unsupported option type " + type);
    }

    /** A readable name of the expected value, for error messages. */
    public String typeDescription() {
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                sb.append(i > 0 ? ", " : "").append(((Enum<?>) constants[i]).name().toLowerCase());
            }
            return sb.toString();
        }
        if (type == Duration.class) {
            return "a duration such as '10 s', '200 ms' or '1 min'";
        }
        if (type == Character.class) {
            return "a single character";
        }
        return "a value of type " + type.getSimpleName();
    }

    @Override
    public String toString() {
        return key;
    }
}
