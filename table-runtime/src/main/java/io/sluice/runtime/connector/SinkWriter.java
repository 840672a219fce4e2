package io.sluice.runtime.connector;

import io.sluice.runtime.data.RowBatch;

/**
 * Writes batches of one parallel sink instance. {@link #write} must not retain the batch (the caller
 * closes it afterwards). {@link #finish} is called once when the input ends normally; {@link #close}
 * always, also after failures.
 */
public interface SinkWriter extends AutoCloseable {
    void open() throws Exception;

    void write(RowBatch batch) throws Exception;

    void finish() throws Exception;

    /**
     * The watermark of the sink's input advanced to {@code watermark}.
     * Sinks whose commits follow event time (the filesystem sink's {@code partition-time} trigger) keep it.
     */
    default void processWatermark(long watermark) throws Exception {
    }

    /**
     * Checkpoint {@code checkpointId}: makes everything written so far durable but not yet visible, and
     * returns what a restored writer needs to commit it ({@link #restoreState}). The default returns
     * null: the sink is not transactional, so after a restart it may see rows again (at-least-once).
     */
    default byte[] snapshotState(long checkpointId) throws Exception {
        return null;
    }

    /** Checkpoint {@code checkpointId} is complete: publish what was prepared up to it. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /**
     * Called after {@link #open} when the job restarts from a checkpoint, with what
     * {@link #snapshotState} returned for it (never null): publish what that checkpoint prepared if
     * that did not happen yet, and discard anything written after it. When the job restarts at another
     * parallelism, a writer may be called several times, once for each writer of the earlier run it takes over.
     */
    default void restoreState(byte[] state) throws Exception {
    }

    @Override
    void close() throws Exception;
}
