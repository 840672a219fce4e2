package io.sluice.api.common.serialization;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.util.Collector;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of a message (a Kafka record's value, for instance) into records of type {@code T}.
 *
 * @param <T> the records
 */
public interface DeserializationSchema<T> extends Serializable,
        io.sluice.api.java.typeutils.ResultTypeQueryable<T> {

    /** Called once per parallel instance before the first message. */
    default void open(InitializationContext context) throws Exception {
    }

    /** The record of {@code message}, or null to skip it. */
    T deserialize(byte[] message) throws IOException;

    /** The records of {@code message} (by default the one {@link #deserialize(byte[])} returns, if not null). */
    default void deserialize(byte[] message, Collector<T> out) throws IOException {
        T value = deserialize(message);
        if (value != null) {
            out.collect(value);
        }
    }

    /** Whether {@code nextElement} ends the stream (a record after which nothing more is read). */
    boolean isEndOfStream(T nextElement);

    /** The type of the records. */
    TypeInformation<T> getProducedType();

    /** What {@link #open} receives. */
    interface InitializationContext {
    }
}
