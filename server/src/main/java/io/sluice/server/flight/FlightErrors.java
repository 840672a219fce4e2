package io.sluice.server.flight;

import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Sluice errors as Flight statuses carrying the engine's message (with its "at line L, column C" where it has one):
 * invalid statements are {@code INVALID_ARGUMENT}, features Sluice lacks {@code UNIMPLEMENTED}, the rest
 * {@code INTERNAL}.
 */
final class FlightErrors {
    private FlightErrors() {
    }

    static FlightRuntimeException toFlight(Throwable t) {
        if (t instanceof FlightRuntimeException) {
            return (FlightRuntimeException) t;
        }
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof TableException && ((TableException) e).hasPosition()) {
            TableException te = (TableException) e;
            String at = "line " + te.line() + ", column " + te.column();
            if (!message.contains(at)) {
                message = message + " (at " + at + ")";
            }
        }
        CallStatus status;
        if (e instanceof UnsupportedFeatureException || e instanceof UnsupportedOperationException) {
            status = CallStatus.UNIMPLEMENTED;
        } else if (e instanceof ValidationException || e instanceof IllegalArgumentException
                || (e instanceof TableException && ((TableException) e).hasPosition())) {
            status = CallStatus.INVALID_ARGUMENT;
        } else {
            status = CallStatus.INTERNAL;
        }
        return status.withDescription(message).withCause(e).toRuntimeException();
    }
}
