package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flink's {@code TIMESTAMP_LTZ[(p)]} type name in query text ({@code CAST(x AS TIMESTAMP_LTZ(3))}), which
 * Calcite's parser does not know, rewritten to the standard {@code TIMESTAMP[(p)] WITH LOCAL TIME ZONE} before
 * parsing. Only a {@code TIMESTAMP_LTZ} right after {@code AS} is a type (string literals, quoted identifiers and
 * comments are left alone), and {@link #originalColumn} maps a parser position back to the text the user wrote.
 * Likewise Flink's {@code UUID()} call, whose name Calcite's parser reserves for the UUID type, becomes a call of
 * the quoted name {@code `UUID`()}. Flink's constructed types ({@code ARRAY<INT>}, {@code ROW<a INT>}, ...) are
 * first put in Calcite's spelling by {@link io.sluice.sql.parser.FlinkTypeSyntax}.
 */
final class TimestampLtzSyntax {
    private static final String NAME = "TIMESTAMP_LTZ";
    private static final String UUID = "UUID";

    /** One replacement: on {@code line}, text from {@code rewrittenEnd} on moved right by {@code shift}. */
    private record Shift(int line, int rewrittenEnd, int shift) {
    }

    private final String sql;
    private final List<Shift> shifts;

    private TimestampLtzSyntax(String sql, List<Shift> shifts) {
        this.sql = sql;
        this.shifts = shifts;
    }

    /** The query text with every {@code AS TIMESTAMP_LTZ[(p)]} type spelled the standard way. */
    String sql() {
        return sql;
    }

    /** The column in the original text of a 1-based {@code column} of the rewritten text on {@code line}. */
    int originalColumn(int line, int column) {
        int c = column;
        for (int k = shifts.size() - 1; k >= 0; k--) {
            Shift s = shifts.get(k);
            if (s.line == line && column > s.rewrittenEnd) {
                c -= s.shift;
            }
        }
        return c;
    }

    static TimestampLtzSyntax rewrite(String original) {
        String text = io.sluice.sql.parser.FlinkTypeSyntax.rewrite(original);
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.contains(NAME) && !upper.contains(UUID)) {
            return new TimestampLtzSyntax(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        List<Shift> shifts = new ArrayList<>();
        String previousWord = "";
        int line = 1;
        int lineStart = 0; // index in out where the current line starts
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                out.append(ch);
                i++;
                line++;
                lineStart = out.length();
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`') {
                int end = closing(text, i, ch);
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = out.length() + (k - i) + 1;
                    }
                }
                out.append(text, i, end);
                i = end;
                previousWord = "";
                continue;
            }
            if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = out.length() + (k - i) + 1;
                    }
                }
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (Character.isLetter(ch) || ch == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                String word = text.substring(i, end);
                if (word.equalsIgnoreCase(NAME) && previousWord.equalsIgnoreCase("AS")) {
                    int after = end;
                    String precision = null;
                    int p = skipSpaces(text, end);
                    if (p < n && text.charAt(p) == '(') {
                        int close = text.indexOf(')', p);
                        String inside = close < 0 ? "" : text.substring(p + 1, close).trim();
                        if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
                            precision = inside;
                            after = close + 1;
                        }
                    }
                    String replacement = precision == null ? "TIMESTAMP WITH LOCAL TIME ZONE"
                            : "TIMESTAMP(" + precision + ") WITH LOCAL TIME ZONE";
                    out.append(replacement);
                    shifts.add(new Shift(line, out.length() - lineStart, replacement.length() - (after - i)));
                    i = after;
                } else if (word.equalsIgnoreCase(UUID) && skipSpaces(text, end) < n
                        && text.charAt(skipSpaces(text, end)) == '(') {
                    String replacement = "`" + UUID + "`";
                    out.append(replacement);
                    shifts.add(new Shift(line, out.length() - lineStart, replacement.length() - (end - i)));
                    i = end;
                } else {
                    out.append(word);
                    i = end;
                }
                previousWord = word;
                continue;
            }
            if (!Character.isWhitespace(ch)) {
                previousWord = "";
            }
            out.append(ch);
            i++;
        }
        return new TimestampLtzSyntax(out.toString(), shifts);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the closing quote of the quoted text starting at {@code start} (doubled quotes escape). */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
