package io.sluice.runtime.state;

/** The context of {@code CheckpointedFunction.initializeState}. */
public interface FunctionInitializationContext extends ManagedInitializationContext {
}
