package io.sluice.cli;

import io.sluice.sql.parser.SqlParseException;
import io.sluice.table.api.TableException;
import io.sluice.table.print.DisplayWidth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a failed statement for stderr:
 * <pre>
 * [ERROR] Object 'orders' not found
 * at line 3, column 15 in job.sql:
 * SELECT * FROM orders
 *               ^
 * </pre>
 * The position is the exception's statement-relative position ({@link TableException#line()}/{@link
 * TableException#column()}) moved to where the statement starts in the script, or the statement's start when the
 * exception has none.
 */
public final class ErrorRenderer {
    /** Calcite's own statement-relative position prefix, dropped because the script position replaces it. */
    private static final Pattern CALCITE_POSITION =
            Pattern.compile("^(From|At) line \\d+, column \\d+( to line \\d+, column \\d+)?: ");

    private ErrorRenderer() {
    }

    /** A 1-based line and column in a script. */
    public record Position(int line, int column) {
    }

    /**
     * Moves a position relative to a statement (1-based; line 1 starts at the statement's first character) to the
     * script, given where the statement starts in the script.
     */
    public static Position toScript(int statementLine, int statementColumn, int relativeLine, int relativeColumn) {
        if (relativeLine <= 1) {
            return new Position(statementLine, statementColumn + Math.max(relativeColumn, 1) - 1);
        }
        return new Position(statementLine + relativeLine - 1, Math.max(relativeColumn, 1));
    }

    /** Where {@code error} points in the script: its own position if it (or a cause) has one, else the statement's start. */
    public static Position positionOf(Throwable error, ScriptStatementRef statement) {
        Position relative = relativePosition(error);
        if (relative == null) {
            return new Position(statement.line(), statement.column());
        }
        return toScript(statement.line(), statement.column(), relative.line(), relative.column());
    }

    /**
     * The full error text (several lines, each ending with a newline).
     *
     * @param script the whole script text the statement came from
     * @param sourceName the script's file name, or {@code null} for {@code -e} text, stdin and the shell
     * @param verbose append the stack trace
     */
    public static String render(Throwable error, String script, String sourceName, ScriptStatementRef statement,
            boolean verbose) {
        Position relative = relativePosition(error);
        Position pos = positionOf(error, statement);
        String message = message(error);
        if (relative != null) {
            // a message that quotes the statement-relative position ("... at line 1, column 8.") gets the script's
            message = message.replaceAll(Pattern.quote(positionText(relative)) + "(?!\\d)",
                    Matcher.quoteReplacement(positionText(pos)));
        }
        return render(message, error, script, sourceName, pos, verbose);
    }

    /** As {@link #render(Throwable, String, String, ScriptStatementRef, boolean)}, with the script position given. */
    public static String render(Throwable error, String script, String sourceName, Position pos, boolean verbose) {
        return render(message(error), error, script, sourceName, pos, verbose);
    }

    private static String render(String message, Throwable error, String script, String sourceName, Position pos,
            boolean verbose) {
        StringBuilder sb = new StringBuilder();
        sb.append("[ERROR] ").append(message).append('\n');
        String causes = causes(error);
        sb.append(causes);
        sb.append("at ").append(positionText(pos));
        if (sourceName != null) {
            sb.append(" in ").append(sourceName);
        }
        String sourceLine = line(script, pos.line());
        if (sourceLine == null) {
            sb.append('\n');
        } else {
            sb.append(":\n").append(sourceLine).append('\n').append(caret(sourceLine, pos.column())).append('\n');
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            sb.append(trace);
        }
        return sb.toString();
    }

    /** The message users see: the text of a SQL error, class name and text for anything else. */
    static String message(Throwable error) {
        String msg = error.getMessage();
        if (error instanceof TableException || error instanceof SqlParseException) {
            msg = msg == null ? "" : msg;
            return relativePosition(error) != null ? CALCITE_POSITION.matcher(msg).replaceFirst("") : msg;
        }
        return msg == null ? error.getClass().getName() : error.getClass().getName() + ": " + msg;
    }

    private static String positionText(Position pos) {
        return "line " + pos.line() + ", column " + pos.column();
    }

    /** A {@code Caused by:} line for the deepest cause whose text is not already in the message. */
    private static String causes(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == error) {
            return "";
        }
        String rootText = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String top = error.getMessage();
        if (top != null && root.getMessage() != null && top.contains(root.getMessage())) {
            return "";
        }
        return "Caused by: " + rootText + "\n";
    }

    /**
     * The statement-relative position carried by {@code error} or its first cause that has one: a positioned
     * {@link TableException} or the parser's {@link SqlParseException}; {@code null} when none has.
     */
    static Position relativePosition(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TableException && ((TableException) t).hasPosition()) {
                TableException te = (TableException) t;
                return new Position(te.line(), Math.max(te.column(), 1));
            }
            if (t instanceof SqlParseException) {
                return new Position(((SqlParseException) t).line(), ((SqlParseException) t).column());
            }
        }
        return null;
    }

    /** Line {@code n} (1-based) of the text without its line break, or {@code null} when there is no such line. */
    static String line(String text, int n) {
        if (text == null || n < 1) {
            return null;
        }
        int start = 0;
        for (int i = 1; i < n; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    /**
     * A line with a {@code ^} under the given 1-based column (counted in code points, as the parser counts) of
     * {@code sourceLine}: tabs are kept so the caret lines up in a terminal, and wide characters are matched with
     * two spaces. A column past the end puts the caret just after the last character.
     */
    static String caret(String sourceLine, int column) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (int col = 1; col < column && i < sourceLine.length(); col++) {
            int cp = sourceLine.codePointAt(i);
            if (cp == '\t') {
                sb.append('\t');
            } else {
                for (int w = DisplayWidth.of(cp); w > 0; w--) {
                    sb.append(' ');
                }
            }
            i += Character.charCount(cp);
        }
        return sb.append('^').toString();
    }
}
