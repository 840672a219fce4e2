package io.sluice.cli;

/** The command line of {@link SqlClient} is invalid; the message says why. */
public final class CliUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliUsageException(String message) {
        super(message);
    }
}
