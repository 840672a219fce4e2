package io.sluice.server.rest;

/** A REST request that fails with an HTTP status and a message (sent as Flink's {@code {"errors": [...]}}). */
final class RestException extends RuntimeException {
    private final int status;

    RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    RestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
