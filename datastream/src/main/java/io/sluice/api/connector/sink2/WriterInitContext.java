package io.sluice.api.connector.sink2;

import io.sluice.api.common.TaskInfo;

/** What a sink sees when it creates a writer. */
public interface WriterInitContext {
    TaskInfo getTaskInfo();
}
