package io.sluice.runtime.state;

/**
 * The frozen state of an operator at a checkpoint barrier, written later (on a background thread) while the
 * operator goes on processing input: see {@link AsyncCheckpointedOperator}. {@link #write} is called at most once,
 * then {@link #close} exactly once (also when the write failed or never ran), which releases what the snapshot
 * holds (slices of Arrow buffers, a RocksDB snapshot).
 */
public interface StateSnapshot extends AutoCloseable {

    /** Writes the state as it was when the snapshot was taken. */
    void write(StateWriter out) throws Exception;

    @Override
    void close();

    /** A snapshot of state already written at the barrier ({@code bytes}, written as is). */
    static StateSnapshot ofBytes(byte[] bytes) {
        return new StateSnapshot() {
            @Override
            public void write(StateWriter out) throws java.io.IOException {
                out.writeRaw(bytes);
            }

            @Override
            public void close() {
            }
        };
    }
}
