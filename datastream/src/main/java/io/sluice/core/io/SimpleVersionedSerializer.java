package io.sluice.core.io;

import java.io.IOException;

/**
 * Serializes splits and enumerator checkpoints to bytes; the version written with the bytes is handed back to
 * {@link #deserialize}, so that a newer serializer can read what an older one wrote.
 */
public interface SimpleVersionedSerializer<E> extends Versioned {
    /** The version of what {@link #serialize} writes now. */
    @Override
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    E deserialize(int version, byte[] serialized) throws IOException;
}
