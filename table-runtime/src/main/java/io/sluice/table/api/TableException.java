package io.sluice.table.api;

/**
 * A general failure while planning or running a query. When the failure points at SQL text it carries
 * a 1-based {@link #line()} and {@link #column()} relative to the statement that was executed (0 when
 * unknown); the shell shifts them to the script and draws a caret.
 */
public class TableException extends RuntimeException {
    private int line;
    private int column;

    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 1-based line in the executed statement, or 0. */
    public int line() {
        return line;
    }

    /** 1-based column in the executed statement, or 0. */
    public int column() {
        return column;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** Records where in the statement text the problem is; returns this exception. */
    public TableException atPosition(int line, int column) {
        this.line = line;
        this.column = column;
        return this;
    }
}
