package io.sluice.api.connector.sink2;

import java.util.OptionalLong;

/** What a sink sees when it creates a writer. */
public interface WriterInitContext extends InitContext {
    /** Empty unless the runtime restored the writer from a checkpoint. */
    @Override
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    /**
     * Where a writer may publish metadata of what it wrote (a Kafka writer's record offsets, in Flink); Sluice's
     * runtime takes none, as Flink's does by default.
     */
    default <MetaT> java.util.Optional<java.util.function.Consumer<MetaT>> metadataConsumer() {
        return java.util.Optional.empty();
    }
}
