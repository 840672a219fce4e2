package io.sluice.cli;

/**
 * Tells the interactive shell whether the lines typed so far end a statement: the last token outside quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}, doubled quotes inside) and comments ({@code --}, {@code /* *}{@code /})
 * is a {@code ;}.
 */
final class StatementCompleteness {
    private StatementCompleteness() {
    }

    static boolean endsWithSemicolon(String text) {
        boolean lastIsSemicolon = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(text, i + 1, c);
                if (end < 0) {
                    return false;
                }
                lastIsSemicolon = false;
                i = end + 1;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else {
                if (!Character.isWhitespace(c)) {
                    lastIsSemicolon = c == ';';
                }
                i++;
            }
        }
        return lastIsSemicolon;
    }

    /** Index of the quote closing a quoted part that starts at {@code from}, or -1; a doubled quote is literal. */
    private static int closingQuote(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
