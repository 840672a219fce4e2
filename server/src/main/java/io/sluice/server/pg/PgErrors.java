package io.sluice.server.pg;

import io.sluice.table.api.SqlParserException;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns failures into ErrorResponse fields: severity, SQLSTATE, message, and the 1-based character position of the
 * offending text in the query string the client sent (Sluice's errors say line:column within the statement).
 */
final class PgErrors {
    static final String QUERY_CANCELED = "57014";
    private static final Pattern AT_LINE_COLUMN = Pattern.compile("at line (\\d+), column (\\d+)");

    private PgErrors() {
    }

    static Map<Character, String> fields(String severity, String sqlState, String message, int position) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', severity);
        f.put('V', severity);
        f.put('C', sqlState);
        f.put('M', message == null ? "(no message)" : message);
        if (position > 0) {
            f.put('P', Integer.toString(position));
        }
        return f;
    }

    /**
     * The fields for a failure of a statement that starts at character {@code statementOffset} (0-based) of the
     * query string.
     */
    static Map<Character, String> of(Throwable e, String statementText, int statementOffset) {
        int position = 0;
        int[] lineColumn = lineColumn(e);
        if (lineColumn != null) {
            int inStatement = offsetOf(statementText, lineColumn[0], lineColumn[1]);
            if (inStatement >= 0) {
                position = statementOffset + inStatement + 1;
            }
        }
        return fields("ERROR", sqlState(e), message(e), position);
    }

    /** line:column of the failure: from the exception (or a cause), else from "at line L, column C" in its message. */
    private static int[] lineColumn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TableException && ((TableException) t).hasPosition()) {
                return new int[] {((TableException) t).line(), ((TableException) t).column()};
            }
        }
        Matcher m = AT_LINE_COLUMN.matcher(String.valueOf(e.getMessage()));
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    static String sqlState(Throwable e) {
        if (e instanceof PgProtocolException) {
            return ((PgProtocolException) e).sqlState();
        }
        if (e instanceof SqlParserException) {
            return "42601";
        }
        if (e instanceof UnsupportedFeatureException) {
            return "0A000";
        }
        if (e instanceof ValidationException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("not found") || m.contains("does not exist")) {
                return "42P01";
            }
            return "42000";
        }
        if (e instanceof TableException) {
            return "XX000";
        }
        return "XX000";
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The 0-based offset of 1-based {@code line}:{@code column} in {@code text}, or -1 when outside it. */
    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return -1;
            }
            offset = nl + 1;
        }
        int result = offset + Math.max(column, 1) - 1;
        return result <= text.length() ? result : -1;
    }
}
