package io.sluice.datastream.runtime;

import io.sluice.util.OutputTag;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One DataStream operation (map, a keyed process function, a window, ...) inside a {@link ChainOperator}. Records
 * arrive as objects through {@link #processElement} and leave through {@link #output} to the operators chained
 * after it. An operator is serializable: each parallel instance (and each restart) runs its own copy, with copies
 * of the user functions.
 *
 * <p>Called from the task thread only: {@link #open} once (after state was restored), then any interleaving of
 * {@link #processElement}, {@link #processWatermark} and {@link #onProcessingTime}, then {@link #endInput} once,
 * and {@link #close} (also after failures).
 */
public abstract class ChainedOperator implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    /** The operators chained after this one, and the side output tag each reads (null: the main output). */
    final List<ChainedOperator> successors = new ArrayList<>();
    final List<OutputTag<?>> successorTags = new ArrayList<>();
    protected transient ChainOutput output;
    protected transient ChainContext context;

    protected ChainedOperator(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Chains {@code next} after this operator, reading its main output ({@code tag} null) or a side output. */
    public void addSuccessor(ChainedOperator next, OutputTag<?> tag) {
        successors.add(next);
        successorTags.add(tag);
    }

    void setup(ChainContext context, ChainOutput output) {
        this.context = context;
        this.output = output;
    }

    /** Opens user functions; keyed state is restored already. */
    public void open() throws Exception {
    }

    /** A record of input {@code input} (0, or 1 for the second input of a two-input operator). */
    public abstract void processElement(int input, Object value, long timestamp) throws Exception;

    /** Event time advanced; the default passes the watermark on. */
    public void processWatermark(long watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    /** The records of one input batch have all been processed (called on the head of a chain only). */
    public void onBatchEnd() throws Exception {
    }

    /**
     * The chain finished handling one input (a batch, a watermark, a processing-time tick or the end of input):
     * an operator that buffers records (to hand them to another process in batches) emits them now. Called on
     * every operator of the chain, each before the operators chained after it, and never in the middle of an input,
     * so that nothing is buffered when a checkpoint is taken.
     */
    public void finishBatch() throws Exception {
    }

    /** Whether {@link #onProcessingTime} should be called. */
    public boolean wantsProcessingTime() {
        return false;
    }

    public void onProcessingTime(long now) throws Exception {
    }

    /**
     * Checkpoint {@code checkpointId} is about to be taken (before any operator's state is snapshot): what is
     * emitted now reaches the operators downstream before the checkpoint's barrier (a sink writer hands its
     * committables over), and an operator that writes to an external system flushes now. Called on every operator
     * of the chain, each before the operators chained after it. The default does nothing.
     */
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    }

    /** Every input ended (after a final watermark at the end of time); emit what remains. */
    public void endInput() throws Exception {
    }

    public void close() throws Exception {
    }

    /**
     * Whether this operator keeps state outside keyed state that checkpoints must save: by default, whether a user
     * function of it is a {@code CheckpointedFunction} or {@code ListCheckpointed} (operators with state of their
     * own, such as broadcast state, override the four methods on operator state).
     */
    public boolean hasOperatorState() {
        return functionStates() != null;
    }

    /** Writes the operator state (called only when {@link #hasOperatorState}). */
    public void snapshotOperatorState(java.io.DataOutputStream out) throws Exception {
        functionStates().snapshot(checkpointId, out);
    }

    /** Restores what {@link #snapshotOperatorState} wrote; called before {@link #open}. */
    public void restoreOperatorState(java.io.DataInputStream in) throws Exception {
        functionStates().restore(in);
    }

    /**
     * Restores at another parallelism from what every instance of the earlier run wrote (in subtask order): list
     * states are split evenly, union list states given whole to every instance, as Flink redistributes them.
     */
    public void restoreRescaledOperatorState(List<byte[]> states, int subtask, int parallelism) throws Exception {
        List<java.util.Map<String, io.sluice.datastream.state.OperatorStates.Saved>> saved = new ArrayList<>();
        for (byte[] b : states) {
            saved.add(io.sluice.datastream.state.OperatorStates.read(
                    new java.io.DataInputStream(new java.io.ByteArrayInputStream(b))));
        }
        functionStates().restoreRescaled(saved, subtask, parallelism);
    }

    /** Initializes the operator state of checkpointed user functions; called after restore, before {@link #open}. */
    void initializeFunctionState() throws Exception {
        if (functionStates() != null) {
            functionStates().initialize(context);
        }
    }

    /** The checkpoint being taken (set before {@link #snapshotOperatorState}). */
    transient long checkpointId;
    private transient FunctionStates functionStates;
    private transient boolean functionStatesFound;

    private FunctionStates functionStates() {
        if (!functionStatesFound) {
            functionStates = FunctionStates.of(this);
            functionStatesFound = true;
        }
        return functionStates;
    }

    private transient List<Object> checkpointListeners;

    /**
     * Checkpoint {@code checkpointId} completed: tells the user functions of this operator that implement
     * {@code CheckpointListener}. Called on the task thread between inputs, after {@link #open}.
     */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (checkpointListeners == null) {
            checkpointListeners = FunctionStates.userFunctions(this,
                    f -> f instanceof io.sluice.api.common.state.CheckpointListener);
        }
        for (Object f : checkpointListeners) {
            ((io.sluice.api.common.state.CheckpointListener) f).notifyCheckpointComplete(checkpointId);
        }
    }

    /**
     * Checkpoint {@code checkpointId} was aborted (the job goes on): tells the user functions of this operator that
     * implement {@code CheckpointListener}, on the task thread.
     */
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (checkpointListeners == null) {
            checkpointListeners = FunctionStates.userFunctions(this,
                    f -> f instanceof io.sluice.api.common.state.CheckpointListener);
        }
        for (Object f : checkpointListeners) {
            ((io.sluice.api.common.state.CheckpointListener) f).notifyCheckpointAborted(checkpointId);
        }
    }

    /** In batch mode, the input this (two-input head) operator reads to the end before the other. */
    public int firstInputInBatch() {
        return 0;
    }

    /** Whether this operator keeps keyed state (it then heads its chain, after a keyed exchange). */
    public boolean isKeyed() {
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
