package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.JobInfo;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink2.Committer;
import io.sluice.api.connector.sink2.CommitterInitContext;
import io.sluice.api.connector.sink2.CommittingSinkWriter;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.StatefulSinkWriter;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.api.connector.sink2.SupportsWriterState;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.datastream.runtime.RecordBatches;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A user's {@link Sink} with a {@link SupportsCommitter committer} and/or {@link SupportsWriterState writer state}.
 *
 * <p>At a checkpoint the writer is flushed and its committables are prepared; they are kept in the checkpoint with
 * the writer's state and committed when the checkpoint completes (oldest checkpoint first). At the end of the input
 * everything still pending is committed. A restored instance commits the committables of the checkpoint it restores
 * (that checkpoint completed, but the failed run may not have committed them) and creates its writer with
 * {@link SupportsWriterState#restoreWriter} from the writer states of the instances it takes over. A request the
 * committer asks to retry later is retried at the next completed checkpoint, and at the end of the input up to
 * {@link #END_OF_INPUT_RETRIES} times.
 */
public final class CommittingUserSink implements RecordSink {
    private static final long serialVersionUID = 1L;
    /** How often a commit asked to be retried later is retried when the input ends, before the job fails. */
    static final int END_OF_INPUT_RETRIES = 10;
    private static final int STATE_VERSION = 1;
    private final Sink<Object> sink;

    @SuppressWarnings("unchecked")
    public CommittingUserSink(Sink<?> sink) {
        this.sink = (Sink<Object>) sink;
    }

    /** True when a sink needs this runtime: it commits in two phases or keeps writer state. */
    public static boolean handles(Sink<?> sink) {
        return sink instanceof SupportsCommitter || sink instanceof SupportsWriterState;
    }

    @Override
    public Writer createWriter(TaskInfo task, boolean checkpointing) {
        return new InstanceWriter(sink, task, null);
    }

    @Override
    public Writer createWriter(TaskInfo task, JobInfo job, boolean checkpointing) {
        return new InstanceWriter(sink, task, job);
    }

    /** The writer and committer of one parallel instance. */
    private static final class InstanceWriter implements Writer {
        private final Sink<Object> sink;
        private final TaskInfo task;
        private final JobInfo job;
        private final SupportsCommitter<Object> committing;
        private final SupportsWriterState<Object, Object> stateful;
        /** Committables waiting for their checkpoint to complete, by checkpoint id. */
        private final TreeMap<Long, List<CommitRequest>> pending = new TreeMap<>();
        private final List<Object> recoveredStates = new ArrayList<>();
        private OptionalLong restoredCheckpoint = OptionalLong.empty();
        private SinkWriter<Object> writer;
        private Committer<Object> committer;
        private CommitterMetrics metrics;
        private long timestamp;

        private final SinkWriter.Context context = new SinkWriter.Context() {
            @Override
            public long currentWatermark() {
                return Long.MIN_VALUE;
            }

            @Override
            public Long timestamp() {
                return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
            }
        };

        @SuppressWarnings("unchecked")
        InstanceWriter(Sink<Object> sink, TaskInfo task, JobInfo job) {
            this.sink = sink;
            this.task = task;
            this.job = job;
            this.committing = sink instanceof SupportsCommitter ? (SupportsCommitter<Object>) sink : null;
            this.stateful = sink instanceof SupportsWriterState ? (SupportsWriterState<Object, Object>) sink : null;
        }

        /** The writer, created on first use: after every restore call, with the states they brought. */
        private SinkWriter<Object> writer() throws IOException {
            if (writer == null) {
                WriterInitContext init = new WriterInitContext() {
                    @Override
                    public TaskInfo getTaskInfo() {
                        return task;
                    }

                    @Override
                    public JobInfo getJobInfo() {
                        return job != null ? job : WriterInitContext.super.getJobInfo();
                    }

                    @Override
                    public OptionalLong getRestoredCheckpointId() {
                        return restoredCheckpoint;
                    }
                };
                writer = stateful != null && restoredCheckpoint.isPresent()
                        ? stateful.restoreWriter(init, recoveredStates) : sink.createWriter(init);
                recoveredStates.clear();
                if (committing != null && !(writer instanceof CommittingSinkWriter)) {
                    throw new IllegalStateException("The writer of sink " + sink.getClass().getName()
                            + " must be a CommittingSinkWriter: the sink implements SupportsCommitter.");
                }
            }
            return writer;
        }

        private Committer<Object> committer() throws IOException {
            if (committer == null) {
                CommitterMetrics committerMetrics = new CommitterMetrics(
                        io.sluice.datastream.runtime.StreamingRuntimeContext.detachedMetricGroup(task),
                        task.getTaskName() + ": Committer", () -> pending.values().stream().mapToInt(List::size).sum());
                metrics = committerMetrics;
                committer = committing.createCommitter(new CommitterInitContext() {
                    @Override
                    public io.sluice.metrics.groups.SinkCommitterMetricGroup metricGroup() {
                        return committerMetrics;
                    }

                    @Override
                    public OptionalLong getRestoredCheckpointId() {
                        return restoredCheckpoint;
                    }

                    @Override
                    public TaskInfo getTaskInfo() {
                        return task;
                    }

                    @Override
                    public JobInfo getJobInfo() {
                        return job != null ? job : CommitterInitContext.super.getJobInfo();
                    }
                });
            }
            return committer;
        }

        @Override
        public void write(Object record, long ts, long watermark) throws Exception {
            timestamp = ts;
            writer().write(record, context);
        }

        /** Flushes the writer and files its committables under {@code checkpointId}. */
        @SuppressWarnings("unchecked")
        private void prepare(long checkpointId, boolean endOfInput) throws Exception {
            SinkWriter<Object> w = writer();
            w.flush(endOfInput);
            if (committing != null) {
                Collection<Object> committables = ((CommittingSinkWriter<Object, Object>) w).prepareCommit();
                for (Object c : committables) {
                    pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).add(new CommitRequest(c));
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public byte[] snapshotState(long checkpointId) throws Exception {
            prepare(checkpointId, false);
            List<Object> writerStates = stateful != null
                    ? ((StatefulSinkWriter<Object, Object>) writer()).snapshotState(checkpointId) : List.of();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(STATE_VERSION);
            out.writeLong(checkpointId);
            if (committing != null) {
                SimpleVersionedSerializer<Object> serializer = committing.getCommittableSerializer();
                out.writeInt(serializer.getVersion());
                out.writeInt(pending.size());
                for (Map.Entry<Long, List<CommitRequest>> e : pending.entrySet()) {
                    out.writeLong(e.getKey());
                    out.writeInt(e.getValue().size());
                    for (CommitRequest r : e.getValue()) {
                        writeBytes(out, serializer.serialize(r.committable));
                    }
                }
            } else {
                out.writeInt(0);
                out.writeInt(0);
            }
            if (stateful != null) {
                SimpleVersionedSerializer<Object> serializer = stateful.getWriterStateSerializer();
                out.writeInt(serializer.getVersion());
                out.writeInt(writerStates.size());
                for (Object s : writerStates) {
                    writeBytes(out, serializer.serialize(s));
                }
            } else {
                out.writeInt(0);
                out.writeInt(0);
            }
            out.flush();
            return bytes.toByteArray();
        }

        private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
        }

        private static byte[] readBytes(DataInputStream in) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            if (committing == null) {
                return;
            }
            List<CommitRequest> due = new ArrayList<>();
            while (!pending.isEmpty() && pending.firstKey() <= checkpointId) {
                due.addAll(pending.pollFirstEntry().getValue());
            }
            List<CommitRequest> again = commit(due);
            if (!again.isEmpty()) {
                pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(again);
            }
        }

        /** Commits the requests; returns those to retry later. */
        private List<CommitRequest> commit(List<CommitRequest> requests) throws Exception {
            if (requests.isEmpty()) {
                return List.of();
            }
            for (CommitRequest r : requests) {
                r.outcome = CommitRequest.Outcome.COMMITTED;
            }
            committer().commit(new ArrayList<>(requests));
            metrics.counted(requests);
            List<CommitRequest> again = new ArrayList<>();
            for (CommitRequest r : requests) {
                if (r.outcome == CommitRequest.Outcome.FAILED) {
                    throw new IOException("Committing " + r.committable + " of sink " + task.getTaskName()
                            + " (subtask " + task.getIndexOfThisSubtask() + ") failed", r.failure);
                }
                if (r.outcome == CommitRequest.Outcome.RETRY) {
                    r.retries++;
                    again.add(r);
                }
            }
            return again;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restoreState(byte[] state) throws Exception {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IOException("Unknown sink state version " + version);
            }
            long checkpointId = in.readLong();
            restoredCheckpoint = OptionalLong.of(Math.max(checkpointId, restoredCheckpoint.orElse(checkpointId)));
            int committableVersion = in.readInt();
            int checkpoints = in.readInt();
            List<CommitRequest> restored = new ArrayList<>();
            for (int i = 0; i < checkpoints; i++) {
                in.readLong();
                int n = in.readInt();
                for (int j = 0; j < n; j++) {
                    byte[] b = readBytes(in);
                    restored.add(new CommitRequest(committing.getCommittableSerializer().deserialize(committableVersion, b)));
                }
            }
            int stateVersion = in.readInt();
            int states = in.readInt();
            for (int i = 0; i < states; i++) {
                recoveredStates.add(stateful.getWriterStateSerializer().deserialize(stateVersion, readBytes(in)));
            }
            // the restored checkpoint completed: what it kept is committed now (again, if the failed run had)
            List<CommitRequest> again = commit(restored);
            if (!again.isEmpty()) {
                pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(again);
            }
        }

        @Override
        public void finish() throws Exception {
            prepare(Long.MAX_VALUE, true);
            List<CommitRequest> due = new ArrayList<>();
            for (List<CommitRequest> requests : pending.values()) {
                due.addAll(requests);
            }
            pending.clear();
            for (int attempt = 0; !due.isEmpty(); attempt++) {
                if (attempt > END_OF_INPUT_RETRIES) {
                    throw new IOException("Committing " + due.get(0).committable + " of sink " + task.getTaskName()
                            + " (subtask " + task.getIndexOfThisSubtask() + ") still asked to be retried after "
                            + END_OF_INPUT_RETRIES + " retries at the end of the input");
                }
                due = commit(due);
            }
        }

        @Override
        public void close() throws Exception {
            Exception error = null;
            if (writer != null) {
                try {
                    writer.close();
                } catch (Exception e) {
                    error = e;
                }
            }
            if (committer != null) {
                try {
                    committer.close();
                } catch (Exception e) {
                    if (error == null) {
                        error = e;
                    } else {
                        error.addSuppressed(e);
                    }
                }
            }
            if (error != null) {
                throw error;
            }
        }
    }
}
