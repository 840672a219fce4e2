package io.sluice.server.pg;

/** A malformed or unexpected frontend message; carries the SQLSTATE sent back in the ErrorResponse. */
final class PgProtocolException extends RuntimeException {
    private final String sqlState;

    PgProtocolException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }
}
