package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.TaskInfo;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.datastream.runtime.RecordCopier;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * A sink without state of its own ({@link UserSink}: a {@code Sink} whose writer is flushed on checkpoints and at the
 * end) run in the chain of the operator before it, as Flink chains a sink to its input: records reach the writer as
 * copies of the objects emitted ({@link RecordCopier}), without being serialized into a batch and read again by a
 * sink task. The writer is flushed before the chain's checkpoint barrier goes on, and finished when the input ends.
 * The operator emits nothing.
 */
public final class ChainedSinkOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final byte[] sink;
    private final StateSerializer<?> serializer;
    private transient RecordSink.Writer writer;
    private transient RecordCopier copier;
    private transient long watermark;

    /** Runs {@code sink} (serialized, a copy per instance) on records that {@code serializer} can copy. */
    public ChainedSinkOperator(String name, RecordSink sink, StateSerializer<?> serializer) {
        super(name);
        this.sink = FunctionCopies.serialize(sink);
        this.serializer = serializer;
    }

    @Override
    public void open() throws Exception {
        RecordSink copy = FunctionCopies.deserialize(sink);
        copier = new RecordCopier(serializer);
        watermark = Long.MIN_VALUE;
        boolean checkpointing = context.config().contains(CheckpointingOptions.INTERVAL);
        writer = copy.createWriter(taskInfo(), checkpointing);
    }

    private TaskInfo taskInfo() {
        String name = name();
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return name;
            }

            @Override
            public int getIndexOfThisSubtask() {
                return context.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return context.getNumberOfParallelSubtasks();
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return context.getMaxNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        writer.write(copier.copy(value), timestamp, watermark);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        this.watermark = watermark;
        super.processWatermark(watermark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        writer.snapshotState(checkpointId);
    }

    @Override
    public void endInput() throws Exception {
        writer.finish();
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
