package io.sluice.connector.filesystem.format.csv;

import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.nio.charset.StandardCharsets;

/**
 * The resolved, validated options of one CSV table. Special characters are single ASCII bytes so the
 * decoder can scan bytes; {@code -1} means "none" for the quote and escape characters.
 */
public final class CsvFormatConfig {
    final byte delimiter;
    final int quote;
    final int escape;
    final boolean allowComments;
    final boolean ignoreParseErrors;
    final byte[] nullLiteral;
    final byte[] arrayElementDelimiter;

    /** Builds a configuration directly (tests and tools); see {@link #from(TableContext)} for tables. */
    public CsvFormatConfig(char delimiter, Character quote, Character escape, boolean allowComments,
            boolean ignoreParseErrors, String nullLiteral) {
        this(delimiter, quote, escape, allowComments, ignoreParseErrors, nullLiteral,
                CsvOptions.ARRAY_ELEMENT_DELIMITER.defaultValue());
    }

    /**
     * Builds a configuration directly, with the text between the elements of ARRAY values and the fields of ROW
     * values.
     */
    public CsvFormatConfig(char delimiter, Character quote, Character escape, boolean allowComments,
            boolean ignoreParseErrors, String nullLiteral, String arrayElementDelimiter) {
        if (arrayElementDelimiter == null || arrayElementDelimiter.isEmpty()) {
            throw new ValidationException("The csv array element delimiter must not be empty.");
        }
        this.arrayElementDelimiter = arrayElementDelimiter.getBytes(StandardCharsets.UTF_8);
        this.delimiter = (byte) delimiter;
        this.quote = quote == null ? -1 : quote;
        this.escape = escape == null ? -1 : escape;
        this.allowComments = allowComments;
        this.ignoreParseErrors = ignoreParseErrors;
        this.nullLiteral = nullLiteral == null ? null : nullLiteral.getBytes(StandardCharsets.UTF_8);
    }

    /** The default configuration: comma, double quote, no escape, strict, no null literal. */
    public static CsvFormatConfig defaults() {
        return new CsvFormatConfig(',', '"', null, false, false, null);
    }

    /** Reads and validates the {@code csv.*} options of a table. */
    public static CsvFormatConfig from(TableContext context) {
        String prefix = CsvFormatFactory.IDENTIFIER + ".";
        char delimiter = context.get(CsvOptions.FIELD_DELIMITER, prefix);
        boolean quoteDisabled = context.get(CsvOptions.DISABLE_QUOTE_CHARACTER, prefix);
        Character quote = quoteDisabled ? null : context.get(CsvOptions.QUOTE_CHARACTER, prefix);
        Character escape = context.get(CsvOptions.ESCAPE_CHARACTER, prefix);
        check(context, prefix + CsvOptions.FIELD_DELIMITER.key(), delimiter);
        if (quote != null) {
            check(context, prefix + CsvOptions.QUOTE_CHARACTER.key(), quote);
            if (quote == delimiter) {
                throw new ValidationException("Option '" + prefix + CsvOptions.QUOTE_CHARACTER.key() + "' of table "
                        + context.tableName() + " must differ from the field delimiter.");
            }
        }
        if (escape != null) {
            check(context, prefix + CsvOptions.ESCAPE_CHARACTER.key(), escape);
            if (escape == delimiter || (quote != null && escape.charValue() == quote.charValue())) {
                throw new ValidationException("Option '" + prefix + CsvOptions.ESCAPE_CHARACTER.key() + "' of table "
                        + context.tableName() + " must differ from the field delimiter and the quote character.");
            }
        }
        String arrayDelimiter = context.get(CsvOptions.ARRAY_ELEMENT_DELIMITER, prefix);
        if (arrayDelimiter.isEmpty()) {
            throw new ValidationException("Option '" + prefix + CsvOptions.ARRAY_ELEMENT_DELIMITER.key() + "' of table "
                    + context.tableName() + " must not be empty.");
        }
        return new CsvFormatConfig(delimiter, quote, escape, context.get(CsvOptions.ALLOW_COMMENTS, prefix),
                context.get(CsvOptions.IGNORE_PARSE_ERRORS, prefix), context.get(CsvOptions.NULL_LITERAL, prefix),
                arrayDelimiter);
    }

    private static void check(TableContext context, String key, char c) {
        if (c >= 128 || c == '\n' || c == '\r') {
            throw new ValidationException("Option '" + key + "' of table " + context.tableName()
                    + " must be a single ASCII character other than a line break, but was '" + c + "'.");
        }
    }

    /** True when a null literal is configured. */
    public boolean hasNullLiteral() {
        return nullLiteral != null;
    }
}
