package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.JobInfo;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.datastream.runtime.RecordBatches;

/** A user's {@link Sink} (at-least-once: its writer is flushed on checkpoints and at the end). */
public final class UserSink implements RecordSink {
    private static final long serialVersionUID = 1L;
    private final Sink<Object> sink;

    @SuppressWarnings("unchecked")
    public UserSink(Sink<?> sink) {
        this.sink = (Sink<Object>) sink;
    }

    @Override
    public Writer createWriter(TaskInfo task, boolean checkpointing) throws Exception {
        return createWriter(task, null, checkpointing);
    }

    @Override
    public Writer createWriter(TaskInfo task, JobInfo job, boolean checkpointing) throws Exception {
        WriterInitContext init = new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return task;
            }

            @Override
            public JobInfo getJobInfo() {
                return job != null ? job : WriterInitContext.super.getJobInfo();
            }
        };
        SinkWriter<Object> writer = sink.createWriter(init);
        return new Writer() {
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

            @Override
            public void write(Object record, long ts, long watermark) throws Exception {
                timestamp = ts;
                writer.write(record, context);
            }

            @Override
            public void finish() throws Exception {
                writer.flush(true);
            }

            @Override
            public byte[] snapshotState(long checkpointId) throws Exception {
                writer.flush(false);
                return null;
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
