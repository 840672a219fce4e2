package io.sluice.api.connector.sink2;

import io.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * A {@link Sink} whose writers keep state in checkpoints ({@link StatefulSinkWriter}).
 *
 * @param <InputT> the records written
 * @param <WriterStateT> a writer's state
 */
public interface SupportsWriterState<InputT, WriterStateT> {
    /**
     * A writer restored from the states of the writers it takes over (more than one after a lower parallelism,
     * none when the checkpoint held nothing for it).
     */
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(WriterInitContext context,
            Collection<WriterStateT> recoveredState) throws IOException;

    /** Writes and reads the writers' states in checkpoints. */
    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();

    /** A sink that can also restore the writer state of other sinks, named by their state names. */
    interface WithCompatibleState {
        /** The state names of sinks whose writer state this sink restores. */
        Collection<String> getCompatibleWriterStateNames();
    }
}
