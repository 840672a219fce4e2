package io.sluice.datastream.runtime;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Runs a chain of DataStream operations as one runtime operator: it deserializes the records of its inputs once,
 * passes them as objects through the chained operators, and serializes only what leaves the chain (through its
 * exits) into {@link RecordBatches}, and that only when the runtime needs the bytes: a batch the runtime hands whole
 * to one chain (parallelism 1 across {@code keyBy}, a forward exchange) carries copies of the records as objects
 * ({@link BatchBuilder}), which the receiving chain takes instead of deserializing. A chain headed by a keyed operator owns a keyed-state backend
 * ({@code state.backend.type}) for the key groups of its instance, and checkpoints it.
 *
 * <p>In batch mode a two-input head reads its first input to the end before the second: records of the second input
 * that arrive earlier (parallel exchanges deliver inputs concurrently) are held back until then.
 *
 * <p><b>Streaming semantics:</b> insert-only records in and out. Watermarks go through the chain (keyed operators
 * fire their event-time timers first); when every input has ended, a final watermark at the end of time fires the
 * remaining event-time timers, as a bounded Flink source does. Keyed state, timers and the operator state of the
 * chained operators (broadcast state, {@code CheckpointedFunction} lists) are checkpointed.
 */
public final class ChainOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator,
        io.sluice.runtime.state.CheckpointCompletionListener {
    private final ChainSpec spec;
    private final List<ChainedOperator> operators;
    private OperatorContext operatorContext;
    private BatchBuilder batches;
    private KeyedStateBackend<Object> keyedState;
    private List<byte[]> restoredKeyedState;
    private boolean opened;
    private int endedInputs;
    private final List<ChainedOperator> processingTimeOperators = new ArrayList<>();
    private final RecordBytes.Input recordInput = new RecordBytes.Input();
    /** Batch mode: records of the head's second input held back until its first input has ended. */
    private List<Object[]> heldBack;
    private int openFirstInputs;
    private int firstInput;
    private List<byte[]> restoredOperatorState;

    public ChainOperator(ChainSpec spec) {
        this.spec = spec;
        this.operators = spec.operators();
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.operatorContext = context;
        this.batches = new BatchBuilder(context.allocator(), context.config().get(ExecutionOptions.BATCH_SIZE), output,
                true);
        for (ChainedOperator op : operators) {
            if (op.wantsProcessingTime()) {
                processingTimeOperators.add(op);
            }
        }
        firstInput = spec.head.firstInputInBatch();
        if (context.runtimeMode() == io.sluice.runtime.config.RuntimeMode.BATCH
                && spec.headInputs.stream().anyMatch(i -> i != firstInput)) {
            heldBack = new ArrayList<>();
            openFirstInputs = (int) spec.headInputs.stream().filter(i -> i == firstInput).count();
        }
    }

    @Override
    public void restoreState(StateReader in) throws Exception {
        if (in.readBoolean()) {
            restoredKeyedState = List.of(in.readBytes());
        }
        restoredOperatorState = new ArrayList<>();
        for (ChainedOperator op : operators) {
            if (op.hasOperatorState()) {
                restoredOperatorState.add(in.readBytes());
            }
        }
    }

    /**
     * Restores at another parallelism: the keyed state of every earlier instance, of which the backend keeps the key
     * groups of this instance's range; each operator with operator state gets those of every earlier instance and
     * takes its share ({@link ChainedOperator#restoreRescaledOperatorState}).
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws Exception {
        List<byte[]> keyed = new ArrayList<>();
        for (StateReader in : snapshots) {
            if (in.readBoolean()) {
                keyed.add(in.readBytes());
            }
            List<byte[]> ops = new ArrayList<>();
            for (ChainedOperator op : operators) {
                if (op.hasOperatorState()) {
                    ops.add(in.readBytes());
                }
            }
            rescaledOperatorState.add(ops);
        }
        restoredKeyedState = keyed.isEmpty() ? null : keyed;
    }

    @Override
    public boolean needsKeyOwnership() {
        return spec.head.isKeyed();
    }

    /** Rescaled restore: per earlier instance, the operator state of each operator that has some. */
    private final List<List<byte[]>> rescaledOperatorState = new ArrayList<>();
    /** The checkpoint being taken. */
    private long checkpointId;

    @Override
    public void prepareSnapshotPreBarrier(long id) throws Exception {
        checkpointId = id;
        if (!opened) {
            return;
        }
        try {
            for (ChainedOperator op : operators) {
                op.prepareSnapshotPreBarrier(id);
            }
            finishBatch();
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    /** Creates keyed state (restoring it) and opens the operators; deferred until restore has happened. */
    @SuppressWarnings("unchecked")
    private void ensureOpen() throws Exception {
        if (opened) {
            return;
        }
        opened = true;
        if (spec.head.isKeyed()) {
            int maxParallelism = operatorContext.config().get(StateOptions.MAX_PARALLELISM);
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(maxParallelism, operatorContext.parallelism(),
                    operatorContext.subtaskIndex());
            keyedState = KeyedStateBackends.create(operatorContext.config(),
                    (StateSerializer<Object>) spec.keySerializer, range, operatorContext.operatorName() + "#"
                            + operatorContext.subtaskIndex());
            if (restoredKeyedState != null) {
                List<java.io.InputStream> streams = new ArrayList<>();
                for (byte[] b : restoredKeyedState) {
                    streams.add(new ByteArrayInputStream(b));
                }
                keyedState.restore(streams);
                restoredKeyedState = null;
            }
        }
        ChainContext context = new ChainContext(operatorContext, spec.name, keyedState, batches, 0);
        for (ChainedOperator op : operators) {
            ChainOutput out = new ChainOutput();
            for (int i = 0; i < op.successors.size(); i++) {
                out.add(op.successors.get(i), op.successorTags.get(i));
            }
            op.setup(context, out);
        }
        if (restoredOperatorState != null) {
            int next = 0;
            for (ChainedOperator op : operators) {
                if (op.hasOperatorState()) {
                    op.restoreOperatorState(new java.io.DataInputStream(
                            new ByteArrayInputStream(restoredOperatorState.get(next++))));
                }
            }
            restoredOperatorState = null;
        }
        if (!rescaledOperatorState.isEmpty()) {
            int next = 0;
            for (ChainedOperator op : operators) {
                if (op.hasOperatorState()) {
                    List<byte[]> states = new ArrayList<>();
                    for (List<byte[]> instance : rescaledOperatorState) {
                        states.add(instance.get(next));
                    }
                    op.restoreRescaledOperatorState(states, operatorContext.subtaskIndex(),
                            operatorContext.parallelism());
                    next++;
                }
            }
            rescaledOperatorState.clear();
        }
        for (ChainedOperator op : operators) {
            op.initializeFunctionState();
        }
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            ensureOpen();
            int exit = spec.inputExits.get(input);
            int headInput = spec.headInputs.get(input);
            StateSerializer<?> serializer = spec.inputSerializers.get(input);
            if (batch.deferredRows() instanceof DeferredRecords) {
                processDeferred((DeferredRecords) batch.deferredRows(), exit, headInput);
            } else {
                batch.materialize();
                VarBinaryVector records = RecordBatches.records(batch);
                IntVector exits = RecordBatches.exits(batch);
                int rows = batch.rowCount();
                for (int r = 0; r < rows; r++) {
                    if (exit >= 0 && exits.get(r) != exit) {
                        continue;
                    }
                    process(headInput, serializer.deserialize(recordInput.of(records, r)),
                            RecordBatches.timestamp(batch, r));
                }
            }
            spec.head.onBatchEnd();
            finishBatch();
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    /** The rows of {@code exit} (-1: all) of a batch that carries its records as objects. */
    private void processDeferred(DeferredRecords rows, int exit, int headInput) throws Exception {
        int n = rows.size();
        for (int r = 0; r < n; r++) {
            if (exit < 0 || rows.exit(r) == exit) {
                process(headInput, rows.record(r), rows.timestamp(r));
            }
        }
    }

    private void process(int headInput, Object value, long timestamp) throws Exception {
        if (headInput != firstInput && heldBack != null && openFirstInputs > 0) {
            heldBack.add(new Object[] {headInput, value, timestamp});
            return;
        }
        spec.head.processElement(headInput, value, timestamp);
    }

    /** Records of a batch whose only receiver this chain is may come as the producing chain's objects. */
    @Override
    public boolean readsDeferredRows() {
        return true;
    }

    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        ensureOpen();
        try {
            spec.head.processWatermark(watermark);
            finishBatch();
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    @Override
    public void endInput(int input) throws Exception {
        ensureOpen();
        try {
            if (heldBack != null && spec.headInputs.get(input) == firstInput && --openFirstInputs == 0) {
                for (Object[] r : heldBack) {
                    spec.head.processElement((Integer) r[0], r[1], (Long) r[2]);
                }
                heldBack = null;
                finishBatch();
                batches.flush();
            }
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        if (++endedInputs < spec.inputExits.size()) {
            return;
        }
        try {
            spec.head.processWatermark(Long.MAX_VALUE);
            for (ChainedOperator op : operators) {
                op.endInput();
            }
            finishBatch();
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    /** Lets every operator of the chain emit what it buffered, in chain order. */
    private void finishBatch() throws Exception {
        for (ChainedOperator op : operators) {
            op.finishBatch();
        }
    }

    @Override
    public boolean wantsProcessingTime() {
        return !processingTimeOperators.isEmpty();
    }

    @Override
    public void onProcessingTime(long nowMillis, Output output) throws Exception {
        ensureOpen();
        try {
            for (ChainedOperator op : processingTimeOperators) {
                op.onProcessingTime(nowMillis);
            }
            finishBatch();
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    @Override
    public void snapshotState(StateWriter out) throws Exception {
        ensureOpen();
        out.writeBoolean(keyedState != null);
        if (keyedState != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            keyedState.snapshot(bytes);
            out.writeBytes(bytes.toByteArray());
        }
        for (ChainedOperator op : operators) {
            if (op.hasOperatorState()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                java.io.DataOutputStream data = new java.io.DataOutputStream(bytes);
                op.checkpointId = checkpointId;
                op.snapshotOperatorState(data);
                data.flush();
                out.writeBytes(bytes.toByteArray());
            }
        }
    }

    /** Tells the chained operators' {@code CheckpointListener} functions (only once they are open). */
    @Override
    public void notifyCheckpointComplete(long completedCheckpointId) throws Exception {
        if (!opened) {
            return;
        }
        try {
            for (ChainedOperator op : operators) {
                op.notifyCheckpointComplete(completedCheckpointId);
            }
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    /** Tells the chained operators' {@code CheckpointListener} functions that a checkpoint was aborted. */
    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (!opened) {
            return;
        }
        try {
            for (ChainedOperator op : operators) {
                op.notifyCheckpointAborted(checkpointId);
            }
        } catch (RecordEmitException e) {
            throw (Exception) e.getCause();
        }
        batches.flush();
    }

    @Override
    public boolean isStateless() {
        return !spec.head.isKeyed() && operators.stream().noneMatch(ChainedOperator::hasOperatorState);
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        if (opened) {
            for (ChainedOperator op : operators) {
                try {
                    op.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (keyedState != null) {
            keyedState.close();
        }
        if (batches != null) {
            batches.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
