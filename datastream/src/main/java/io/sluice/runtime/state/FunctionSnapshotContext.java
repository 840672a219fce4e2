package io.sluice.runtime.state;

/** The context of {@code CheckpointedFunction.snapshotState}. */
public interface FunctionSnapshotContext extends ManagedSnapshotContext {
}
