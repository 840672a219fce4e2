package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.JobInfo;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink2.Committer;
import io.sluice.api.connector.sink2.CommitterInitContext;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.streaming.api.connector.sink2.CommittableMessage;
import io.sluice.streaming.api.connector.sink2.CommittableSummary;
import io.sluice.streaming.api.connector.sink2.CommittableWithLineage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The committer of a sink with a pre- or post-commit topology, as an operator: the committables that arrive (before
 * the barrier of the checkpoint they belong to) are kept in this operator's state until that checkpoint completes,
 * then committed, oldest checkpoint first; those of the end of the input are committed when the input ends. A
 * restored instance commits the committables its state kept (their checkpoint completed; a committer recognizes
 * what the failed run committed already). What was committed leaves, per checkpoint, as a {@link CommittableSummary}
 * and a {@link CommittableWithLineage} per committable, for a post-commit topology. Retries as the Sink V2 runtime
 * does: a request asked to be retried is retried at the next completed checkpoint, at the end of the input up to
 * {@link CommittingUserSink#END_OF_INPUT_RETRIES} times.
 */
public final class CommitterOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final SupportsCommitter<Object> sink;
    private transient Committer<Object> committer;
    private transient CommitterMetrics metrics;
    private transient TreeMap<Long, List<CommitRequest>> pending;
    private transient OptionalLong restoredCheckpoint;
    /** The checkpoint being taken. */
    private transient long checkpoint;

    @SuppressWarnings("unchecked")
    public CommitterOperator(String name, SupportsCommitter<?> sink) {
        super(name);
        this.sink = (SupportsCommitter<Object>) sink;
    }

    private TreeMap<Long, List<CommitRequest>> pending() {
        if (pending == null) {
            pending = new TreeMap<>();
        }
        return pending;
    }

    @Override
    public void open() throws Exception {
        if (restoredCheckpoint == null) {
            restoredCheckpoint = OptionalLong.empty();
        }
        TaskInfo task = context;
        JobInfo job = context.jobInfo();
        OptionalLong restored = restoredCheckpoint;
        CommitterMetrics committerMetrics = new CommitterMetrics(
                io.sluice.datastream.runtime.StreamingRuntimeContext.metricGroupOf(context), name(),
                () -> pending().values().stream().mapToInt(List::size).sum());
        metrics = committerMetrics;
        committer = sink.createCommitter(new CommitterInitContext() {
            @Override
            public io.sluice.metrics.groups.SinkCommitterMetricGroup metricGroup() {
                return committerMetrics;
            }

            @Override
            public OptionalLong getRestoredCheckpointId() {
                return restored;
            }

            @Override
            public TaskInfo getTaskInfo() {
                return task;
            }

            @Override
            public JobInfo getJobInfo() {
                return job;
            }
        });
        if (restoredCheckpoint.isPresent()) {
            // the restored checkpoint completed: what it kept is committed now (again, if the failed run had)
            commitUpTo(restoredCheckpoint.getAsLong());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object value, long timestamp) throws Exception {
        if (value instanceof CommittableWithLineage) {
            CommittableWithLineage<Object> c = (CommittableWithLineage<Object>) value;
            pending().computeIfAbsent(c.getCheckpointIdOrEOI(), id -> new ArrayList<>())
                    .add(new CommitRequest(c.getCommittable()));
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        commitUpTo(checkpointId);
    }

    /** Commits the committables of the checkpoints up to {@code checkpointId}; keeps those to retry. */
    private void commitUpTo(long checkpointId) throws Exception {
        List<CommitRequest> again = new ArrayList<>();
        while (!pending().isEmpty() && pending().firstKey() <= checkpointId) {
            Map.Entry<Long, List<CommitRequest>> e = pending().pollFirstEntry();
            again.addAll(commit(e.getKey(), e.getValue()));
        }
        if (!again.isEmpty()) {
            pending().computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(again);
        }
    }

    @Override
    public void endInput() throws Exception {
        List<CommitRequest> due = new ArrayList<>();
        for (List<CommitRequest> requests : pending().values()) {
            due.addAll(requests);
        }
        pending().clear();
        for (int attempt = 0; !due.isEmpty(); attempt++) {
            if (attempt > CommittingUserSink.END_OF_INPUT_RETRIES) {
                throw new IOException("Committing " + due.get(0).committable + " of " + name()
                        + " still asked to be retried after " + CommittingUserSink.END_OF_INPUT_RETRIES
                        + " retries at the end of the input");
            }
            due = commit(CommittableMessage.EOI, due);
        }
    }

    /** Commits {@code requests} of checkpoint {@code checkpointId}, emits what was committed, returns the retries. */
    private List<CommitRequest> commit(long checkpointId, List<CommitRequest> requests) throws Exception {
        if (requests.isEmpty()) {
            return List.of();
        }
        for (CommitRequest r : requests) {
            r.outcome = CommitRequest.Outcome.COMMITTED;
        }
        committer.commit(new ArrayList<>(requests));
        metrics.counted(requests);
        List<CommitRequest> again = new ArrayList<>();
        List<Object> committed = new ArrayList<>();
        for (CommitRequest r : requests) {
            if (r.outcome == CommitRequest.Outcome.FAILED) {
                throw new IOException("Committing " + r.committable + " of " + name() + " (subtask "
                        + context.getIndexOfThisSubtask() + ") failed", r.failure);
            }
            if (r.outcome == CommitRequest.Outcome.RETRY) {
                r.retries++;
                again.add(r);
            } else if (!r.dropped) {
                committed.add(r.committable);
            }
        }
        int subtask = context.getIndexOfThisSubtask();
        output.collect(new CommittableSummary<>(subtask, context.getNumberOfParallelSubtasks(), checkpointId,
                committed.size(), requests.size() - again.size() - committed.size()), RecordBatches.NO_TIMESTAMP);
        for (Object c : committed) {
            output.collect(new CommittableWithLineage<>(c, checkpointId, subtask), RecordBatches.NO_TIMESTAMP);
        }
        return again;
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        checkpoint = checkpointId;
    }

    @Override
    public boolean hasOperatorState() {
        return true;
    }

    @Override
    public void snapshotOperatorState(DataOutputStream out) throws Exception {
        SimpleVersionedSerializer<Object> serializer = sink.getCommittableSerializer();
        out.writeLong(checkpoint);
        out.writeInt(serializer.getVersion());
        out.writeInt(pending().size());
        for (Map.Entry<Long, List<CommitRequest>> e : pending().entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (CommitRequest r : e.getValue()) {
                byte[] b = serializer.serialize(r.committable);
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    @Override
    public void restoreOperatorState(DataInputStream in) throws Exception {
        List<long[]> ids = new ArrayList<>();
        long[] restored = new long[1];
        List<Object> all = read(in, ids, restored);
        for (int i = 0; i < all.size(); i++) {
            pending().computeIfAbsent(ids.get(i)[0], id -> new ArrayList<>()).add(new CommitRequest(all.get(i)));
        }
        restoredCheckpoint = OptionalLong.of(restored[0]);
    }

    @Override
    public void restoreRescaledOperatorState(List<byte[]> states, int subtask, int parallelism) throws Exception {
        List<long[]> ids = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        long[] restored = new long[1];
        for (byte[] b : states) {
            all.addAll(read(new DataInputStream(new ByteArrayInputStream(b)), ids, restored));
        }
        for (int j = 0; j < all.size(); j++) {
            if (j % parallelism == subtask) {
                pending().computeIfAbsent(ids.get(j)[0], id -> new ArrayList<>()).add(new CommitRequest(all.get(j)));
            }
        }
        restoredCheckpoint = OptionalLong.of(restored[0]);
    }

    /**
     * Reads one snapshot's committables; adds each one's checkpoint id to {@code ids} and raises {@code restored[0]}
     * to the snapshot's checkpoint.
     */
    private List<Object> read(DataInputStream in, List<long[]> ids, long[] restored) throws IOException {
        restored[0] = Math.max(restored[0], in.readLong());
        int version = in.readInt();
        List<Object> out = new ArrayList<>();
        for (int checkpoints = in.readInt(); checkpoints > 0; checkpoints--) {
            long id = in.readLong();
            for (int n = in.readInt(); n > 0; n--) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                out.add(sink.getCommittableSerializer().deserialize(version, b));
                ids.add(new long[] {id});
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        if (committer != null) {
            committer.close();
        }
    }
}
