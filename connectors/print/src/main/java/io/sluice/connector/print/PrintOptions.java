package io.sluice.connector.print;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of the {@code print} connector, with Flink's keys. */
public final class PrintOptions {
    private PrintOptions() {
    }

    public static final ConfigOption<String> PRINT_IDENTIFIER = ConfigOptions.key("print-identifier")
            .stringType().noDefaultValue()
            .withDescription("Message prefix: each line starts with '<identifier>> '.");

    public static final ConfigOption<Boolean> STANDARD_ERROR = ConfigOptions.key("standard-error")
            .booleanType().defaultValue(false)
            .withDescription("Print to standard error instead of standard out.");
}
