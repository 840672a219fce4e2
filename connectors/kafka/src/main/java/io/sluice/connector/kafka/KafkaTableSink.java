package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.DeliveryGuarantee;
import io.sluice.connector.kafka.KafkaOptions.SinkPartitionerKind;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import java.util.Properties;

/** The sink of a {@code kafka} table: insert-only rows become records of one topic. */
final class KafkaTableSink implements DynamicTableSink, io.sluice.runtime.connector.SupportsWritingMetadata {
    private final String tableName;
    private final String topic;
    private final Properties properties;
    private final KafkaTableLayout layout;
    private final SinkPartitionerKind partitioner;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;
    private final ClassLoader classLoader;
    /** True for an upsert-kafka sink, with its buffer size (0: no buffering) and flush interval. */
    private boolean upsert;
    private int bufferMaxRows;
    private long bufferIntervalMillis;
    /** The metadata columns written ({@code timestamp}, {@code headers}). */
    private WritableMetadata metadata = WritableMetadata.NONE;

    KafkaTableSink(String tableName, String topic, Properties properties, KafkaTableLayout layout,
            SinkPartitionerKind partitioner, DeliveryGuarantee guarantee, String transactionalIdPrefix,
            ClassLoader classLoader) {
        this.tableName = tableName;
        this.topic = topic;
        this.properties = properties;
        this.layout = layout;
        this.partitioner = partitioner;
        this.guarantee = guarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.classLoader = classLoader;
    }

    /** Makes this an upsert sink: +I/+U rows are upserts of their key, -D rows tombstones. */
    KafkaTableSink asUpsert(int bufferMaxRows, long bufferIntervalMillis) {
        this.upsert = true;
        this.bufferMaxRows = bufferMaxRows;
        this.bufferIntervalMillis = bufferIntervalMillis;
        return this;
    }

    @Override
    public java.util.Map<String, io.sluice.runtime.types.LogicalType> listWritableMetadata() {
        return WritableMetadata.writable();
    }

    @Override
    public void applyWritableMetadata(java.util.List<String> keys,
            java.util.List<io.sluice.runtime.types.LogicalType> types) {
        metadata = WritableMetadata.of(keys, types, layout.physical().size(), tableName);
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        // a changelog value format (debezium-json, ...) writes every row kind as a change event
        return upsert ? ChangelogMode.upsert() : layout.valueEncodingMode(classLoader);
    }

    @Override
    public SinkWriter createWriter(WriterContext context) {
        RecordEncoding encoding = new RecordEncoding(layout, classLoader);
        KafkaSinkWriter writer = new KafkaSinkWriter(tableName, topic, properties, encoding,
                new SinkPartitioner(partitioner, context.subtaskIndex()), guarantee, transactionalIdPrefix,
                context.subtaskIndex(), metadata);
        if (!upsert && layout.valueEncodingMode(classLoader).hasUpdates()) {
            writer.withChangelogValues();
        }
        if (upsert && bufferMaxRows > 0) {
            writer.withBuffer(new UpsertBuffer(bufferMaxRows, bufferIntervalMillis));
        }
        return writer;
    }

    @Override
    public String describe() {
        return (upsert ? "upsert-kafka" : "kafka") + "(topic=" + topic + ", format=" + layout.valueFormat() + ", delivery-guarantee="
                + guarantee.name().toLowerCase().replace('_', '-') + ")";
    }
}
