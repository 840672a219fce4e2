package io.sluice.table.api;

/** A statement or API call is invalid: unknown object, wrong type, bad option, and so on. */
public class ValidationException extends TableException {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
