package io.sluice.table.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A format and its options for a {@link TableDescriptor}: {@code FormatDescriptor.forFormat("csv")
 * .option("field-delimiter", "|").build()}; option keys are given without the format prefix.
 */
public final class FormatDescriptor {
    private final String format;
    private final Map<String, String> options;

    private FormatDescriptor(String format, Map<String, String> options) {
        this.format = format;
        this.options = Map.copyOf(options);
    }

    public static Builder forFormat(String format) {
        return new Builder(format);
    }

    public String getFormat() {
        return format;
    }

    /** The options without the format prefix. */
    public Map<String, String> getOptions() {
        return options;
    }

    /** Builds a {@link FormatDescriptor}. */
    public static final class Builder {
        private final String format;
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(String format) {
            this.format = format;
        }

        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        public FormatDescriptor build() {
            return new FormatDescriptor(format, options);
        }
    }
}
