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

    /** The job the sink runs in: its id and name. Fails where the sink is not run by a job. */
    default JobInfo getJobInfo() {
        throw new UnsupportedOperationException("not supported yet: InitContext.getJobInfo outside of a running job");
    }

    /** The parallel instance: its index, the parallelism, the attempt. */
    TaskInfo getTaskInfo();
}
