package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.TaskInfo;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializer;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The runtime sink writer of a DataStream sink: reads the rows of its exit from the producing chain's batches,
 * deserializes the records and hands them to a {@link RecordSink} writer (a copy per parallel instance).
 */
public final class RecordSinkWriter implements SinkWriter {
    private final WriterContext context;
    private final RecordSink.Writer writer;
    private final int exit;
    private final StateSerializer<?> serializer;
    private final io.sluice.datastream.runtime.RecordBytes.Input input = new io.sluice.datastream.runtime.RecordBytes.Input();

    public RecordSinkWriter(WriterContext context, byte[] sink, int exit, StateSerializer<?> serializer,
            String name) throws Exception {
        this.context = context;
        this.exit = exit;
        this.serializer = serializer;
        RecordSink copy = FunctionCopies.deserialize(sink);
        boolean checkpointing = context.config().contains(CheckpointingOptions.INTERVAL);
        this.writer = copy.createWriter(taskInfo(name),
                io.sluice.datastream.runtime.RunningJobInfo.of(context.config()), checkpointing);
    }

    private TaskInfo taskInfo(String name) {
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return name;
            }

            @Override
            public int getIndexOfThisSubtask() {
                return context.subtaskIndex();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return context.parallelism();
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return context.config().get(StateOptions.MAX_PARALLELISM);
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
    }

    @Override
    public void open() {
    }

    @Override
    public void write(RowBatch batch) throws Exception {
        VarBinaryVector records = RecordBatches.records(batch);
        IntVector exits = RecordBatches.exits(batch);
        for (int r = 0; r < batch.rowCount(); r++) {
            if (exits.get(r) != exit) {
                continue;
            }
            Object value = serializer.deserialize(input.of(records, r));
            writer.write(value, RecordBatches.timestamp(batch, r), Long.MIN_VALUE);
        }
    }

    @Override
    public void finish() throws Exception {
        writer.finish();
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        return writer.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        writer.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void restoreState(byte[] state) throws Exception {
        writer.restoreState(state);
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }
}
