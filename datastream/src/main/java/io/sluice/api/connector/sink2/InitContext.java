package io.sluice.api.connector.sink2;

import io.sluice.api.common.JobInfo;
import io.sluice.api.common.TaskInfo;
import java.util.OptionalLong;

/** What a sink's writer or committer learns about where it runs when it is created. */
public interface InitContext {
    /** The id of a job's first checkpoint when it starts without restoring one. */
    long INITIAL_CHECKPOINT_ID = 1;

    /** The checkpoint (or savepoint) this instance's state was restored from, empty on a fresh start. */
    OptionalLong getRestoredCheckpointId();

    /** The job. Not supported yet: the sink's runtime does not know the job's id and name. */
    default JobInfo getJobInfo() {
        throw new UnsupportedOperationException("not supported yet: InitContext.getJobInfo");
    }

    /** The parallel instance: its index, the parallelism, the attempt. */
    TaskInfo getTaskInfo();
}
