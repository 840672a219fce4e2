package io.sluice.connector.filesystem.format.csv;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of the {@code csv} format, with Flink's keys (written {@code 'csv.<key>'} in {@code WITH}). */
public final class CsvOptions {
    private CsvOptions() {
    }

    public static final ConfigOption<Character> FIELD_DELIMITER = ConfigOptions.key("field-delimiter")
            .charType().defaultValue(',')
            .withDescription("Field delimiter character; '\\t' for tab.");

    public static final ConfigOption<Character> QUOTE_CHARACTER = ConfigOptions.key("quote-character")
            .charType().defaultValue('"')
            .withDescription("Quote character enclosing field values.");

    public static final ConfigOption<Boolean> DISABLE_QUOTE_CHARACTER = ConfigOptions.key("disable-quote-character")
            .booleanType().defaultValue(false)
            .withDescription("Disables quoting; quote characters are then ordinary characters.");

    public static final ConfigOption<Boolean> ALLOW_COMMENTS = ConfigOptions.key("allow-comments")
            .booleanType().defaultValue(false)
            .withDescription("Skips lines starting with '#'.");

    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("ignore-parse-errors")
            .booleanType().defaultValue(false)
            .withDescription("Skips malformed records and sets unparsable fields to NULL instead of failing.");

    public static final ConfigOption<String> NULL_LITERAL = ConfigOptions.key("null-literal")
            .stringType().noDefaultValue()
            .withDescription("Field text read as NULL, and written for NULL values.");

    public static final ConfigOption<Character> ESCAPE_CHARACTER = ConfigOptions.key("escape-character")
            .charType().noDefaultValue()
            .withDescription("Escape character (disabled by default).");

    public static final ConfigOption<String> ARRAY_ELEMENT_DELIMITER = ConfigOptions.key("array-element-delimiter")
            .stringType().defaultValue(";")
            .withDescription("Text between the elements of an ARRAY value and the fields of a ROW value.");
}
