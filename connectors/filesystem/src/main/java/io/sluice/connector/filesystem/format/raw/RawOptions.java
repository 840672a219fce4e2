package io.sluice.connector.filesystem.format.raw;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of the {@code raw} format, with Flink's keys (written {@code 'raw.<key>'} in {@code WITH}). */
public final class RawOptions {
    private RawOptions() {
    }

    public static final ConfigOption<String> CHARSET = ConfigOptions.key("charset").stringType().defaultValue("UTF-8")
            .withDescription("The charset of text (CHAR, VARCHAR, STRING) values.");

    public static final ConfigOption<String> ENDIANNESS = ConfigOptions.key("endianness").stringType()
            .defaultValue("big-endian")
            .withDescription("The byte order of numeric values: 'big-endian' or 'little-endian'.");
}
