package io.sluice.runtime.state;

import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.api.common.state.OperatorStateStore;
import java.util.OptionalLong;

/** Where a function creates its managed state when it is initialized. */
public interface ManagedInitializationContext {
    /** Whether the job started from a checkpoint or savepoint (the states then hold what was saved). */
    boolean isRestored();

    /** The id of the checkpoint restored, when {@link #isRestored}. */
    OptionalLong getRestoredCheckpointId();

    OperatorStateStore getOperatorStateStore();

    /** The keyed state of a function after {@code keyBy}; null on a non-keyed stream. */
    KeyedStateStore getKeyedStateStore();
}
