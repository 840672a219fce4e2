package io.sluice.connector.kafka.source;

import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;

/** Runs a {@link KafkaSource}: one {@link KafkaPartitionReader} per parallel instance. */
final class KafkaScan<T> implements ScanTableSource {
    private final KafkaSource<T> source;
    private final StateSerializer<T> serializer;

    KafkaScan(KafkaSource<T> source, StateSerializer<T> serializer) {
        this.source = source;
        this.serializer = serializer;
    }

    @Override
    public boolean isBounded() {
        return source.boundedness == io.sluice.api.connector.source.Boundedness.BOUNDED;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new KafkaPartitionReader<>(source, serializer, context);
    }

    @Override
    public String describe() {
        return "kafka(" + source.describeTopics() + ")";
    }
}
