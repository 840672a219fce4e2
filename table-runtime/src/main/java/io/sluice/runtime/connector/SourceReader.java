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

    /**
     * The reader's position after everything it has emitted so far, for a checkpoint; called between
     * two {@link #pollNext} calls. Null means the reader cannot resume from a position (a restarted job
     * then reads the split again from the start).
     */
    default byte[] snapshotPosition() throws Exception {
        return null;
    }

    /**
     * Called right before {@link #snapshotPosition} with the id of the checkpoint (or savepoint) it is for, for a
     * reader that hands the id on (the DataStream API's {@code SourceReader.snapshotState(checkpointId)}). Does
     * nothing by default.
     */
    default void prepareSnapshot(long checkpointId) throws Exception {
    }

    /**
     * Called before {@link #open} when a job restarts from a checkpoint, with what
     * {@link #snapshotPosition} returned: the reader continues right after that position.
     */
    default void restorePosition(byte[] position) throws Exception {
        throw new io.sluice.table.api.UnsupportedFeatureException(
                "restoring the position of " + getClass().getSimpleName());
    }

    /**
     * Called before {@link #open}, instead of {@link #restorePosition}, when a job restarts from a checkpoint taken
     * with another number of readers: {@code positions} holds what {@link #snapshotPosition} returned on each reader
     * of that run, in reader order. The reader takes over its share of what they had not read yet (by its index and
     * the reader count of its {@link ReaderContext}), so that the readers of the new run together read every
     * remaining record once. The default fails with "not supported yet".
     */
    default void restoreRescaledPositions(java.util.List<byte[]> positions) throws Exception {
        throw new io.sluice.table.api.UnsupportedFeatureException("restoring the position of "
                + getClass().getSimpleName() + " at another parallelism (its checkpoint has " + positions.size()
                + " readers)");
    }

    /**
     * How many records the source has yet to read (Flink's {@code pendingRecords}, e.g. a Kafka consumer's lag),
     * where the reader knows it; -1 otherwise (the default). Called from other threads than the task's, so an
     * implementation returns a value it keeps up to date on its own thread.
     */
    default long pendingRecords() {
        return -1;
    }

    /**
     * True while every split this reader reads has been without data for its idle timeout (a source with
     * {@link SupportsWatermarkPushDown}): the reader's output then stops holding back the watermark downstream, as
     * with {@code table.exec.source.idle-timeout}, until it emits rows again. Called on the task's thread between
     * two {@link #pollNext} calls. The default is false.
     */
    default boolean isIdle() {
        return false;
    }

    /**
     * Records the reader skipped because its format could not decode them ({@code <format>.ignore-parse-errors}),
     * for {@code numBadRecordsSkipped}; 0 by default. Read from other threads than the task's, like
     * {@link #pendingRecords}.
     */
    default long skippedBadRecords() {
        return 0;
    }

    @Override
    void close() throws Exception;
}
