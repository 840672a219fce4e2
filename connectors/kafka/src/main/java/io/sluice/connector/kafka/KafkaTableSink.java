package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.DeliveryGuarantee;
import io.sluice.connector.kafka.KafkaOptions.SinkPartitionerKind;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import java.util.Properties;

/** The sink of a {@code kafka} table: insert-only rows become records of one topic. */
final class KafkaTableSink implements DynamicTableSink {
    private final String tableName;
    private final String topic;
    private final Properties properties;
    private final KafkaTableLayout layout;
    private final SinkPartitionerKind partitioner;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;
    private final ClassLoader classLoader;

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

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public SinkWriter createWriter(WriterContext context) {
        RecordEncoding encoding = new RecordEncoding(layout, classLoader);
        return new KafkaSinkWriter(tableName, topic, properties, encoding,
                new SinkPartitioner(partitioner, context.subtaskIndex()), guarantee, transactionalIdPrefix,
                context.subtaskIndex());
    }

    @Override
    public String describe() {
        return "kafka(topic=" + topic + ", format=" + layout.valueFormat() + ", delivery-guarantee="
                + guarantee.name().toLowerCase().replace('_', '-') + ")";
    }
}
