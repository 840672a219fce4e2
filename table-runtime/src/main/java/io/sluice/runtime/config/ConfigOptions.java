package io.sluice.runtime.config;

import java.time.Duration;

/** Builder entry point: {@code ConfigOptions.key("a.b").intType().defaultValue(3).withDescription("..")}. */
public final class ConfigOptions {
    private ConfigOptions() {
    }

    public static OptionBuilder key(String key) {
        return new OptionBuilder(key);
    }

    /** Chooses the value type of an option. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class);
        }

        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class);
        }

        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class);
        }

        public TypedBuilder<Double> doubleType() {
            return new TypedBuilder<>(key, Double.class);
        }

        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class);
        }

        public TypedBuilder<Character> charType() {
            return new TypedBuilder<>(key, Character.class);
        }

        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class);
        }

        public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> enumClass) {
            return new TypedBuilder<>(key, enumClass);
        }
    }

    /** Sets the default of a typed option. */
    public static final class TypedBuilder<T> {
        private final String key;
        private final Class<T> type;

        TypedBuilder(String key, Class<T> type) {
            this.key = key;
            this.type = type;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "");
        }
    }
}
