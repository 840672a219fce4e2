package io.sluice.cli;

import java.util.Locale;

/**
 * Recognizes the few kinds of statement the client shows differently, by their leading keywords (comments and
 * whitespace before them are skipped): DML that submits a job, and statements whose result is text to print as is.
 */
final class StatementKinds {
    private StatementKinds() {
    }

    /**
     * True for statements that submit a job writing to tables: {@code INSERT ...}, {@code EXECUTE ...} (statement
     * sets, {@code EXECUTE INSERT}) and the script form {@code BEGIN STATEMENT SET; ...; END;}. Leading comments are
     * skipped.
     */
    static boolean isDml(String statement) {
        String word = firstWord(statement).toUpperCase(Locale.ROOT);
        if (word.equals("EXECUTE")) {
            return !isQuery(statement);
        }
        return word.equals("INSERT") || word.equals("BEGIN") || word.equals("END");
    }

    /** True for queries: {@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE}, and {@code EXECUTE} of one. */
    static boolean isQuery(String statement) {
        int start = skipCommentsAndSpace(statement);
        if (start < statement.length() && statement.charAt(start) == '(') {
            return true;
        }
        String word = firstWord(statement).toUpperCase(Locale.ROOT);
        if (word.equals("EXECUTE")) {
            return isQuery(statement.substring(start + word.length()));
        }
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES") || word.equals("TABLE");
    }

    /** SHOW, DESCRIBE/DESC and SET: statements that list metadata rather than query data. */
    static boolean isMetadata(String statement) {
        String word = firstWord(statement).toUpperCase(Locale.ROOT);
        return word.equals("SHOW") || word.equals("DESCRIBE") || word.equals("DESC") || word.equals("SET");
    }

    /** True for {@code EXPLAIN ...} and {@code SHOW CREATE ...}, whose single text result is printed as is. */
    static boolean isRawContent(String statement) {
        String word = firstWord(statement).toUpperCase(Locale.ROOT);
        if (word.equals("EXPLAIN")) {
            return true;
        }
        if (!word.equals("SHOW")) {
            return false;
        }
        String rest = statement.substring(skipCommentsAndSpace(statement) + word.length());
        return firstWord(rest).toUpperCase(Locale.ROOT).equals("CREATE");
    }

    /** The first keyword of a statement, after whitespace and {@code --} / {@code /* *}{@code /} comments. */
    static String firstWord(String s) {
        int start = skipCommentsAndSpace(s);
        int i = start;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** Index of the first character that is neither whitespace nor part of a comment. */
    static int skipCommentsAndSpace(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
