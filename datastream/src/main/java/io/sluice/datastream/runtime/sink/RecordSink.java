package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.TaskInfo;
import java.io.Serializable;

/** A sink of records as objects, for one parallel instance; its checkpoint hooks mirror the runtime's. */
public interface RecordSink extends Serializable {

    /** The writer of one instance. */
    interface Writer extends AutoCloseable {
        void write(Object record, long timestamp, long watermark) throws Exception;

        void finish() throws Exception;

        default byte[] snapshotState(long checkpointId) throws Exception {
            return null;
        }

        default void notifyCheckpointComplete(long checkpointId) throws Exception {
        }

        default void restoreState(byte[] state) throws Exception {
        }

        @Override
        void close() throws Exception;
    }

    Writer createWriter(TaskInfo task, boolean checkpointing) throws Exception;

    /** The writer of one instance of a sink that also learns about its job ({@code InitContext.getJobInfo()}). */
    default Writer createWriter(TaskInfo task, io.sluice.api.common.JobInfo job, boolean checkpointing)
            throws Exception {
        return createWriter(task, checkpointing);
    }
}
