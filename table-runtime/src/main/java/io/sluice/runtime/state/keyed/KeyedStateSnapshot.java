package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A keyed-state backend's state frozen for an asynchronous snapshot ({@link KeyedStateBackend#snapshotAsync}):
 * {@link #writeTo} writes (once, from any thread) what {@link KeyedStateBackend#snapshot} would have written when
 * it was taken; {@link #close} (exactly once, written or not) releases what it holds.
 */
public interface KeyedStateSnapshot extends AutoCloseable {

    void writeTo(OutputStream out) throws IOException;

    @Override
    void close();

    /** A snapshot already written into {@code bytes}. */
    static KeyedStateSnapshot ofBytes(byte[] bytes) {
        return new KeyedStateSnapshot() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void close() {
            }
        };
    }
}
