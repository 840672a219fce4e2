package io.sluice.connector.filesystem.format.json;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of the {@code json} format, with Flink's keys (written {@code 'json.<key>'} in {@code WITH}). */
public final class JsonOptions {
    private JsonOptions() {
    }

    public static final ConfigOption<Boolean> FAIL_ON_MISSING_FIELD = ConfigOptions.key("fail-on-missing-field")
            .booleanType().defaultValue(false)
            .withDescription("Fails a read when a record lacks a column's field (by default the column is NULL).");

    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("ignore-parse-errors")
            .booleanType().defaultValue(false)
            .withDescription("Skips malformed lines and sets unparsable fields to NULL instead of failing.");

    public static final ConfigOption<String> TIMESTAMP_FORMAT_STANDARD = ConfigOptions.key("timestamp-format.standard")
            .stringType().defaultValue("SQL")
            .withDescription("'SQL' reads and writes timestamps as 'yyyy-MM-dd HH:mm:ss.SSS', 'ISO-8601' as "
                    + "'yyyy-MM-ddTHH:mm:ss.SSS'; TIMESTAMP_LTZ values end with 'Z'.");

    public static final ConfigOption<String> MAP_NULL_KEY_MODE = ConfigOptions.key("map-null-key.mode")
            .stringType().defaultValue("FAIL")
            .withDescription("How a NULL key of a MAP value is written: FAIL, DROP or LITERAL. Accepted for "
                    + "compatibility; no column type of this engine is a MAP yet.");

    public static final ConfigOption<String> MAP_NULL_KEY_LITERAL = ConfigOptions.key("map-null-key.literal")
            .stringType().defaultValue("null")
            .withDescription("The key written for a NULL MAP key in LITERAL mode (accepted for compatibility).");

    public static final ConfigOption<Boolean> ENCODE_DECIMAL_AS_PLAIN_NUMBER =
            ConfigOptions.key("encode.decimal-as-plain-number").booleanType().defaultValue(false)
                    .withDescription("Writes DECIMAL values without scientific notation (0.000000027 instead of 2.7E-8).");

    public static final ConfigOption<Boolean> ENCODE_IGNORE_NULL_FIELDS = ConfigOptions.key("encode.ignore-null-fields")
            .booleanType().defaultValue(false)
            .withDescription("Leaves NULL fields out of the written objects.");
}
