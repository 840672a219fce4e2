package io.sluice.table.api;

/** The statement text is not valid SQL; {@link #line()} and {@link #column()} say where. */
public class SqlParserException extends TableException {
    public SqlParserException(String message, int line, int column) {
        super(message);
        atPosition(line, column);
    }
}
