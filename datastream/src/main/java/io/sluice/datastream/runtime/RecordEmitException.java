package io.sluice.datastream.runtime;

/** Carries a checked exception thrown downstream of a {@link io.sluice.util.Collector} back up the chain. */
public final class RecordEmitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordEmitException(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
