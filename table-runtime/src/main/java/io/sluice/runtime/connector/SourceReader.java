package io.sluice.runtime.connector;

import io.sluice.runtime.operator.Output;

/**
 * Reads one split of a source into batches. Called from one task thread: {@link #open}, then
 * {@link #pollNext} until it returns {@link ReadStatus#END_OF_INPUT}, then {@link #close} (also on
 * failure or cancellation).
 */
public interface SourceReader extends AutoCloseable {
    void open() throws Exception;

    /**
     * Emits what is available now (usually one batch, possibly watermarks) without blocking for long,
     * and tells whether more may come.
     */
    ReadStatus pollNext(Output output) throws Exception;

    @Override
    void close() throws Exception;
}
