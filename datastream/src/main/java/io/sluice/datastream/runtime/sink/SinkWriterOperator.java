package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.JobInfo;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.connector.sink2.CommittingSinkWriter;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.StatefulSinkWriter;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.api.connector.sink2.SupportsWriterState;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.streaming.api.connector.sink2.CommittableMessage;
import io.sluice.streaming.api.connector.sink2.CommittableSummary;
import io.sluice.streaming.api.connector.sink2.CommittableWithLineage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The writers of a sink with a pre- or post-commit topology, as an operator: records go to the sink's writer; just
 * before each checkpoint's barrier (and at the end of the input) the writer is flushed and what it prepared to
 * commit leaves as {@link CommittableMessage}s of that checkpoint (first a {@link CommittableSummary} of the subtask,
 * then a {@link CommittableWithLineage} per committable), so they reach the committer before the barrier does. The
 * writer's state ({@link SupportsWriterState}) is this operator's state; after a change of parallelism the states
 * of the earlier writers are dealt out round-robin.
 */
public final class SinkWriterOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final Sink<Object> sink;
    private transient SinkWriter<Object> writer;
    private transient long timestamp;
    private transient long watermark;
    private transient long checkpoint;
    private transient List<Object> restoredStates;
    private transient OptionalLong restoredCheckpoint;

    @SuppressWarnings("unchecked")
    public SinkWriterOperator(String name, Sink<?> sink) {
        super(name);
        this.sink = (Sink<Object>) sink;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        watermark = Long.MIN_VALUE;
        writerContext = new WriterContext();
        if (restoredCheckpoint == null) {
            restoredCheckpoint = OptionalLong.empty();
        }
        TaskInfo task = context;
        JobInfo job = context.jobInfo();
        OptionalLong restored = restoredCheckpoint;
        WriterInitContext init = new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return task;
            }

            @Override
            public JobInfo getJobInfo() {
                return job;
            }

            @Override
            public OptionalLong getRestoredCheckpointId() {
                return restored;
            }
        };
        writer = sink instanceof SupportsWriterState && restoredStates != null
                ? ((SupportsWriterState<Object, Object>) sink).restoreWriter(init, restoredStates)
                : sink.createWriter(init);
        restoredStates = null;
        if (sink instanceof SupportsCommitter && !(writer instanceof CommittingSinkWriter)) {
            throw new IllegalStateException("The writer of sink " + sink.getClass().getName()
                    + " must be a CommittingSinkWriter: the sink implements SupportsCommitter.");
        }
    }

    /** What the writer learns about the record it writes. */
    private final class WriterContext implements SinkWriter.Context {
        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
        }
    }

    private transient WriterContext writerContext;

    @Override
    public void processElement(int input, Object value, long ts) throws Exception {
        timestamp = ts;
        writer.write(value, writerContext);
    }

    @Override
    public void processWatermark(long wm) throws Exception {
        watermark = wm;
        writer.writeWatermark(new Watermark(wm));
        output.emitWatermark(wm);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        checkpoint = checkpointId;
        emitCommittables(checkpointId, false);
    }

    @Override
    public void endInput() throws Exception {
        emitCommittables(CommittableMessage.EOI, true);
    }

    @SuppressWarnings("unchecked")
    private void emitCommittables(long checkpointId, boolean endOfInput) throws Exception {
        writer.flush(endOfInput);
        if (!(writer instanceof CommittingSinkWriter)) {
            return;
        }
        Collection<Object> committables = ((CommittingSinkWriter<Object, Object>) writer).prepareCommit();
        int subtask = context.getIndexOfThisSubtask();
        output.collect(new CommittableSummary<>(subtask, context.getNumberOfParallelSubtasks(), checkpointId,
                committables.size(), 0), RecordBatches.NO_TIMESTAMP);
        for (Object c : committables) {
            output.collect(new CommittableWithLineage<>(c, checkpointId, subtask), RecordBatches.NO_TIMESTAMP);
        }
    }

    @Override
    public boolean hasOperatorState() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void snapshotOperatorState(DataOutputStream out) throws Exception {
        out.writeLong(checkpoint);
        if (!(sink instanceof SupportsWriterState)) {
            out.writeInt(0);
            out.writeInt(0);
            return;
        }
        SimpleVersionedSerializer<Object> serializer =
                ((SupportsWriterState<Object, Object>) sink).getWriterStateSerializer();
        List<Object> states = ((StatefulSinkWriter<Object, Object>) writer).snapshotState(checkpoint);
        out.writeInt(serializer.getVersion());
        out.writeInt(states.size());
        for (Object s : states) {
            byte[] b = serializer.serialize(s);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    @Override
    public void restoreOperatorState(DataInputStream in) throws Exception {
        restoredStates = new ArrayList<>();
        restoredCheckpoint = OptionalLong.of(read(in, restoredStates));
    }

    @Override
    public void restoreRescaledOperatorState(List<byte[]> states, int subtask, int parallelism) throws Exception {
        List<Object> all = new ArrayList<>();
        long id = 0;
        for (byte[] b : states) {
            id = Math.max(id, read(new DataInputStream(new ByteArrayInputStream(b)), all));
        }
        restoredStates = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            if (j % parallelism == subtask) {
                restoredStates.add(all.get(j));
            }
        }
        restoredCheckpoint = OptionalLong.of(id);
    }

    /** Reads one snapshot's writer states into {@code states}; returns its checkpoint id. */
    @SuppressWarnings("unchecked")
    private long read(DataInputStream in, List<Object> states) throws Exception {
        long id = in.readLong();
        int version = in.readInt();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            states.add(((SupportsWriterState<Object, Object>) sink).getWriterStateSerializer().deserialize(version, b));
        }
        return id;
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
