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

    @Override
    void close() throws Exception;
}
