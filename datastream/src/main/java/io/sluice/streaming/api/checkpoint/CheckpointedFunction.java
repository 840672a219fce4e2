package io.sluice.streaming.api.checkpoint;

import io.sluice.runtime.state.FunctionInitializationContext;
import io.sluice.runtime.state.FunctionSnapshotContext;

/**
 * A function with operator state (and optionally keyed state): {@link #initializeState} runs before {@code open},
 * also when the job starts from a checkpoint (then with the restored state); {@link #snapshotState} runs when a
 * checkpoint is taken, so the function can write what it keeps into its states.
 */
public interface CheckpointedFunction {
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
