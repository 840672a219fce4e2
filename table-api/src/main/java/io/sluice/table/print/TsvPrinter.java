package io.sluice.table.print;

import java.time.ZoneId;

/**
 * Tab-separated values: a header line of column names, then one line per row. Inside a field a tab is written as
 * {@code \t}, LF as {@code \n}, CR as {@code \r} and a backslash as {@code \\}, so every row is one line. NULL
 * is an empty field (as is the empty string; TSV has no quoting to tell them apart). With the row kind, each line
 * starts with the {@code op} column.
 */
public final class TsvPrinter extends DelimitedPrinter {

    /**
     * @param printRowKind start each line with the {@code op} column (streaming query results)
     * @param localTimeZone zone for TIMESTAMP_LTZ values
     */
    public TsvPrinter(boolean printRowKind, ZoneId localTimeZone) {
        super(printRowKind, localTimeZone, '\t');
    }

    @Override
    void appendField(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t':
                    line.append("\\t");
                    break;
                case '\n':
                    line.append("\\n");
                    break;
                case '\r':
                    line.append("\\r");
                    break;
                case '\\':
                    line.append("\\\\");
                    break;
                default:
                    line.append(c);
            }
        }
    }
}
