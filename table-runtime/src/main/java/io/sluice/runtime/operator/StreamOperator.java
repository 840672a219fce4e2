package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;

/**
 * An operator of a running job. It receives batches on one or more numbered inputs and emits batches
 * to its {@link Output}.
 *
 * <p><b>Contract.</b> All methods are called from one task thread, in this order: {@link #open}, then
 * any interleaving of {@link #processBatch}, {@link #processWatermark} and {@link #endInput} (each
 * input ends exactly once, after its last batch), then {@link #close}. {@code close} is also called
 * after a failure, so it must release every buffer the operator holds whatever state it is in.
 *
 * <p>{@code processBatch} receives ownership of the batch: the operator closes it or emits it. A
 * batch emitted to {@code Output} belongs to the receiver.
 */
public interface StreamOperator extends AutoCloseable {

    /** Prepares the operator; {@code output} receives everything it emits. */
    void open(OperatorContext context, Output output) throws Exception;

    /** Processes one batch of input {@code input} (0-based). */
    void processBatch(int input, RowBatch batch) throws Exception;

    /**
     * The watermark of input {@code input} advanced to {@code watermark} (epoch milliseconds). The
     * default forwards it unchanged (correct for single-input operators without event-time state).
     */
    default void processWatermark(int input, long watermark, Output output) throws Exception {
        output.emitWatermark(watermark);
    }

    /** Input {@code input} has no more data. When every input has ended, emit what remains. */
    void endInput(int input) throws Exception;

    /**
     * Called just before the operator's state is saved for checkpoint {@code checkpointId} (and before the
     * checkpoint's barrier is passed on): an operator that buffers input outside its checkpointed state (a
     * mini-batch) processes it now, and may emit; those rows reach downstream operators before their own
     * snapshot. The default does nothing.
     */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    }

    /**
     * True when the operator keeps no state a checkpoint must save (a projection, a union); an
     * operator that keeps state implements {@link io.sluice.runtime.state.CheckpointedOperator}, or
     * jobs that checkpoint reject it.
     */
    default boolean isStateless() {
        return false;
    }

    /** Releases every resource; called once, also after failures. */
    @Override
    void close() throws Exception;
}
