package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;

/**
 * An operator of a running job. It receives batches on one or more numbered inputs and emits batches
 * to its {@link Output}.
 *
 * <p><b>Contract.</b> All methods are called from one task thread, in this order: {@link #open}, then
 * any interleaving of {@link #processBatch}, {@link #processWatermark}, {@link #onProcessingTime} (only
 * for operators that {@link #wantsProcessingTime want it}) and {@link #endInput} (each input ends exactly
 * once, after its last batch), then {@link #close}. {@code close} is also called
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
     * The operator's input watermark advanced to {@code watermark} (epoch milliseconds). The executor
     * combines the inputs: for an operator with several inputs, {@code watermark} is already the minimum
     * over its inputs, with idle inputs (every source behind them idle for
     * {@code table.exec.source.idle-timeout}) and ended inputs left out, and it never goes back; {@code input}
     * only says which input's change caused it. Operators therefore never take minimums over their inputs
     * themselves. The default forwards it unchanged (correct for operators without event-time state).
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
     * Whether this operator reads the rows a batch may carry as objects ({@code RowBatch.defer}): the runtime then
     * hands it such batches as they are when it is their only receiver, and has the rows written into the vectors
     * for every other receiver. The default is false.
     */
    default boolean readsDeferredRows() {
        return false;
    }

    /**
     * Whether the executor should call {@link #onProcessingTime} on this operator; asked once, after
     * {@link #open}. The default is false, so operators without processing-time work cost nothing.
     */
    default boolean wantsProcessingTime() {
        return false;
    }

    /**
     * Processing time has passed: an operator that {@link #wantsProcessingTime wants it} may now do work
     * that is due by the clock (process a mini-batch whose latency has passed, end processing-time join
     * intervals) and emit to {@code output}, which is the {@code Output} given to {@link #open}, so rows flow
     * downstream exactly as if emitted from {@link #processBatch}.
     *
     * <p>Called by the executor on the operator's own task thread, never concurrently with the other
     * methods, in streaming mode, while the job runs and until every input of the operator has ended:
     * periodically (about every {@code min(50 ms, table.exec.mini-batch.allow-latency)}), also while no
     * input has data. {@code nowMillis} is the executor's wall clock ({@link System#currentTimeMillis()}); an
     * operator with its own (injectable) clock may read that one instead, so that all its times come from
     * one source. Not called while a stop-with-savepoint is in progress. The default does nothing.
     */
    default void onProcessingTime(long nowMillis, Output output) throws Exception {
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
