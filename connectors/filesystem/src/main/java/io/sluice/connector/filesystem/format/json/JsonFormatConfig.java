package io.sluice.connector.filesystem.format.json;

import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.Locale;

/** The resolved, validated options of one JSON table. Immutable. */
public final class JsonFormatConfig {
    final boolean failOnMissingField;
    final boolean ignoreParseErrors;
    /** True for 'ISO-8601' ({@code T} between date and time), false for 'SQL' (a space). */
    final boolean isoTimestamps;
    final boolean decimalAsPlainNumber;
    final boolean ignoreNullFields;

    /** Builds a configuration directly (tests and tools); see {@link #from(TableContext)} for tables. */
    public JsonFormatConfig(boolean failOnMissingField, boolean ignoreParseErrors, boolean isoTimestamps,
            boolean decimalAsPlainNumber, boolean ignoreNullFields) {
        this.failOnMissingField = failOnMissingField;
        this.ignoreParseErrors = ignoreParseErrors;
        this.isoTimestamps = isoTimestamps;
        this.decimalAsPlainNumber = decimalAsPlainNumber;
        this.ignoreNullFields = ignoreNullFields;
    }

    /** Flink's defaults: missing fields are NULL, strict parsing, SQL timestamps, nulls written. */
    public static JsonFormatConfig defaults() {
        return new JsonFormatConfig(false, false, false, false, false);
    }

    /** Reads and validates the {@code json.*} options of a table. */
    public static JsonFormatConfig from(TableContext context) {
        return from(context, JsonFormatFactory.IDENTIFIER + ".");
    }

    /**
     * Reads and validates the json options of a table written with {@code prefix}, e.g. {@code "debezium-json."}
     * for a changelog format that reads its row images as json (options it does not declare keep their defaults).
     */
    public static JsonFormatConfig from(TableContext context, String prefix) {
        boolean failOnMissing = context.get(JsonOptions.FAIL_ON_MISSING_FIELD, prefix);
        boolean ignoreErrors = context.get(JsonOptions.IGNORE_PARSE_ERRORS, prefix);
        if (failOnMissing && ignoreErrors) {
            throw new ValidationException("Options '" + prefix + JsonOptions.FAIL_ON_MISSING_FIELD.key() + "' and '"
                    + prefix + JsonOptions.IGNORE_PARSE_ERRORS.key() + "' of table " + context.tableName()
                    + " cannot both be true.");
        }
        String standard = context.get(JsonOptions.TIMESTAMP_FORMAT_STANDARD, prefix);
        if (!standard.equals("SQL") && !standard.equals("ISO-8601")) {
            throw new ValidationException("Unsupported value '" + standard + "' for option '" + prefix
                    + JsonOptions.TIMESTAMP_FORMAT_STANDARD.key() + "' of table " + context.tableName()
                    + ". Supported values are [SQL, ISO-8601].");
        }
        String mode = context.get(JsonOptions.MAP_NULL_KEY_MODE, prefix).toUpperCase(Locale.ROOT);
        if (!mode.equals("FAIL") && !mode.equals("DROP") && !mode.equals("LITERAL")) {
            throw new ValidationException("Unsupported value '" + mode + "' for option '" + prefix
                    + JsonOptions.MAP_NULL_KEY_MODE.key() + "' of table " + context.tableName()
                    + ". Supported values are [FAIL, DROP, LITERAL].");
        }
        return new JsonFormatConfig(failOnMissing, ignoreErrors, standard.equals("ISO-8601"),
                context.get(JsonOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER, prefix),
                context.get(JsonOptions.ENCODE_IGNORE_NULL_FIELDS, prefix));
    }
}
