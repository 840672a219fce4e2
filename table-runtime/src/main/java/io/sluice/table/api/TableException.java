package io.sluice.table.api;

/** A general failure while planning or running a query. */
public class TableException extends RuntimeException {
    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
