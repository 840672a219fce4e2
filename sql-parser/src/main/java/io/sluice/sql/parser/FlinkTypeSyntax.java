package io.sluice.sql.parser;

import java.util.Locale;

/**
 * Flink's constructed type syntax in query text, rewritten to the spelling Calcite's parser reads before a query or
 * expression is handed to it: {@code ARRAY<T>} becomes {@code T ARRAY}, {@code MULTISET<T>} {@code T MULTISET},
 * {@code ROW<name T, ...>} {@code ROW(name T, ...)}, and types nested in {@code MAP<K, V>} are rewritten the same
 * way (Calcite reads {@code MAP<K, V>} itself), {@code TIMESTAMP_LTZ(p)} inside them included. This covers {@code CAST(x AS ARRAY<INT>)}, {@code TRY_CAST} and
 * {@code RETURNING ARRAY<...>} alike.
 *
 * <p>Only a keyword {@code ARRAY}, {@code MULTISET}, {@code ROW} or {@code MAP} directly followed by {@code <} is a
 * type (the constructors {@code ARRAY[..]}, {@code MAP[..]}, {@code ROW(..)} never are); string literals, quoted
 * identifiers and comments are left alone. Element types lose a {@code NOT NULL} (Calcite has no syntax for it;
 * a CAST result's elements are nullable either way). The rewritten type is padded with spaces to the original
 * length where it is shorter, so positions after it (in error messages) stay those the user wrote.
 */
public final class FlinkTypeSyntax {
    private FlinkTypeSyntax() {
    }

    /** {@code text} with every Flink-style constructed type in Calcite's spelling. */
    public static String rewrite(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                int end = closing(text, i, ch);
                out.append(text, i, end);
                i = end;
            } else if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int end = wordEnd(text, i);
                int typeEnd = typeEnd(text, i, end);
                if (typeEnd > 0) {
                    String replacement = convert(text.substring(i, typeEnd));
                    out.append(replacement);
                    out.append(" ".repeat(Math.max(0, typeEnd - i - replacement.length())));
                    i = typeEnd;
                } else {
                    out.append(text, i, end);
                    i = end;
                }
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The end (after {@code >}) of a constructed type starting with the word {@code [start, wordEnd)}, or -1 when
     * the word does not start one.
     */
    private static int typeEnd(String text, int start, int wordEnd) {
        String word = text.substring(start, wordEnd).toUpperCase(Locale.ROOT);
        if (!word.equals("ARRAY") && !word.equals("MULTISET") && !word.equals("ROW") && !word.equals("MAP")) {
            return -1;
        }
        int p = skipSpaces(text, wordEnd);
        if (p >= text.length() || text.charAt(p) != '<') {
            return -1;
        }
        int close = matchingAngle(text, p);
        return close < 0 ? -1 : close + 1;
    }

    /** The index of the {@code >} closing the {@code <} at {@code open}, or -1. */
    private static int matchingAngle(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                i = closing(text, i, ch);
                continue;
            }
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            } else if (ch == ';') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Calcite's spelling of one type text (a constructed type or any other, e.g. {@code INT NOT NULL}). */
    private static String convert(String type) {
        String t = type.strip();
        int wordEnd = Character.isLetter(t.isEmpty() ? ' ' : t.charAt(0)) ? wordEnd(t, 0) : 0;
        int end = wordEnd > 0 ? typeEnd(t, 0, wordEnd) : -1;
        if (end < 0) {
            return ltz(rewrite(t));
        }
        String kind = t.substring(0, wordEnd).toUpperCase(Locale.ROOT);
        String inner = t.substring(t.indexOf('<') + 1, end - 1).strip();
        String rest = t.substring(end); // e.g. " NOT NULL"
        switch (kind) {
            case "ARRAY":
            case "MULTISET":
                return convert(withoutNotNull(inner)) + " " + kind + rest;
            case "ROW":
                return "ROW(" + convertList(inner, false) + ")" + rest;
            default:
                return "MAP<" + convertList(inner, true) + ">" + rest;
        }
    }

    /** The comma-separated parts of {@code list} converted (ROW fields: a name, then a type). */
    private static String convertList(String list, boolean typesOnly) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int partStart = 0;
        int i = 0;
        while (i <= list.length()) {
            char ch = i < list.length() ? list.charAt(i) : ',';
            if (i < list.length() && (ch == '\'' || ch == '"' || ch == '`')) {
                i = closing(list, i, ch);
                continue;
            }
            if (ch == '<' || ch == '(') {
                depth++;
            } else if (ch == '>' || ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                String part = list.substring(partStart, Math.min(i, list.length())).strip();
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(typesOnly ? convert(withoutNotNull(part)) : field(part));
                partStart = i + 1;
            }
            i++;
        }
        return out.toString();
    }

    /** A ROW field {@code name type ['description']}: the name kept, the type converted, a description dropped. */
    private static String field(String part) {
        int nameEnd;
        if (part.startsWith("`")) {
            nameEnd = closing(part, 0, '`');
        } else {
            nameEnd = 0;
            while (nameEnd < part.length() && !Character.isWhitespace(part.charAt(nameEnd))) {
                nameEnd++;
            }
        }
        String type = part.substring(nameEnd).strip();
        if (type.endsWith("'")) {
            int quote = type.lastIndexOf('\'', type.length() - 2);
            while (quote > 0 && type.charAt(quote - 1) == '\'') {
                quote = type.lastIndexOf('\'', quote - 2);
            }
            if (quote > 0) {
                type = type.substring(0, quote).strip();
            }
        }
        return part.substring(0, nameEnd) + " " + convert(type);
    }

    /** Flink's {@code TIMESTAMP_LTZ[(p)]} (inside a constructed type) in the standard spelling. */
    private static String ltz(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("TIMESTAMP_LTZ")) {
            return type;
        }
        String rest = type.substring("TIMESTAMP_LTZ".length()).strip();
        String precision = "";
        if (rest.startsWith("(") && rest.indexOf(')') > 0) {
            precision = rest.substring(0, rest.indexOf(')') + 1).replace(" ", "");
            rest = rest.substring(rest.indexOf(')') + 1);
        }
        return "TIMESTAMP" + precision + " WITH LOCAL TIME ZONE" + rest;
    }

    private static String withoutNotNull(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.endsWith("NOT NULL")) {
            String head = type.substring(0, type.length() - "NOT NULL".length()).stripTrailing();
            if (head.length() < type.length() - "NOT NULL".length()) {
                return head;
            }
        }
        return type;
    }

    private static int wordEnd(String text, int i) {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '$')) {
            end++;
        }
        return end;
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
