package io.sluice.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving tokenizer for what is typed at the prompt, used by highlighting and completion: it never fails, and an
 * unterminated string, quoted identifier or comment simply runs to the end of the text.
 */
final class SqlLexer {
    /** Token kinds. */
    enum Kind {
        /** A keyword or an unquoted identifier. */
        WORD,
        /** A {@code '...'} string literal (also {@code X'..'} hex literal bodies). */
        STRING,
        /** A {@code `...`} or {@code "..."} quoted identifier. */
        QUOTED_IDENTIFIER,
        NUMBER,
        /** {@code -- ...} or a block comment. */
        COMMENT,
        /** Any other single character, e.g. {@code ( ) , ; . = *}. */
        SYMBOL,
        WHITESPACE
    }

    /** A token: kind and the half-open range {@code [start, end)} in the text. */
    static final class Token {
        final Kind kind;
        final int start;
        final int end;
        /** False for a string, quoted identifier or block comment that is not closed. */
        final boolean closed;

        Token(Kind kind, int start, int end, boolean closed) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.closed = closed;
        }

        String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokens(CharSequence s) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WHITESPACE, start, i, true));
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                tokens.add(new Token(Kind.COMMENT, start, i, true));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2);
                i = close < 0 ? n : close + 2;
                tokens.add(new Token(Kind.COMMENT, start, i, close >= 0));
            } else if (c == '\'' || c == '`' || c == '"') {
                int close = closingQuote(s, i + 1, c);
                i = close < 0 ? n : close + 1;
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, start, i, close >= 0));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && !(i > 0 && isWordChar(s.charAt(i - 1))))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, start, i, true));
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, start, i, true));
            } else {
                i += Character.charCount(Character.codePointAt(s, i));
                tokens.add(new Token(Kind.SYMBOL, start, i, true));
            }
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int closingQuote(CharSequence s, int from, char quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int indexOf(CharSequence s, String what, int from) {
        return s.toString().indexOf(what, from);
    }
}
