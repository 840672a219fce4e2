package io.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * A writer with state of its own kept in checkpoints, handed back to
 * {@link SupportsWriterState#restoreWriter} on restore.
 *
 * @param <InputT> the records written
 * @param <WriterStateT> the writer's state
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    /** The writer's state at checkpoint {@code checkpointId}. */
    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
