package io.sluice.connector.filesystem.format.changelog;

/** A change event that cannot be interpreted (missing or wrong fields); the message says what is wrong. */
public final class MalformedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }
}
