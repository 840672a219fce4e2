package io.sluice.api.common.serialization;

import java.io.Serializable;

/**
 * Turns records of type {@code T} into the bytes of a message (a Kafka record's key or value, for instance).
 *
 * @param <T> the records
 */
public interface SerializationSchema<T> extends Serializable {

    /** Called once per parallel instance before the first record. */
    default void open(InitializationContext context) throws Exception {
    }

    /** The bytes of {@code element}. */
    byte[] serialize(T element);

    /** What {@link #open} receives. */
    interface InitializationContext {
    }
}
