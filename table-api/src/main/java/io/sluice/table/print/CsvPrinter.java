package io.sluice.table.print;

import java.time.ZoneId;

/**
 * Comma-separated values as RFC 4180 quotes them: a header line of column names, then one line per row (lines end
 * with {@code \n}). A field holding {@code ,}, {@code "}, CR or LF is put in double quotes with inner quotes doubled;
 * NULL is an empty unquoted field and the empty string is {@code ""}, so the two stay apart. With the row kind, each
 * line starts with the {@code op} column.
 */
public final class CsvPrinter extends DelimitedPrinter {

    /**
     * @param printRowKind start each line with the {@code op} column (streaming query results)
     * @param localTimeZone zone for TIMESTAMP_LTZ values
     */
    public CsvPrinter(boolean printRowKind, ZoneId localTimeZone) {
        super(printRowKind, localTimeZone, ',');
    }

    @Override
    void appendField(StringBuilder line, String value) {
        appendCsvField(line, value);
    }

    /** Appends one non-null CSV field, quoted when needed. */
    public static void appendCsvField(StringBuilder line, String value) {
        if (!value.isEmpty() && !needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
