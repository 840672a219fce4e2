package io.sluice.api.connector.sink2;

import java.util.OptionalLong;

/** What a sink sees when it creates a writer. */
public interface WriterInitContext extends InitContext {
    /** Empty unless the runtime restored the writer from a checkpoint. */
    @Override
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }
}
