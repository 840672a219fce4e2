package io.sluice.connector.kafka.sink;

import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.connector.kafka.sink.KafkaRecordSerializationSchemaBuilder.Field;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** The {@link KafkaRecordSerializationSchema} of {@link KafkaRecordSerializationSchemaBuilder#build()}. */
final class BuiltSchema<IN> implements KafkaRecordSerializationSchema<IN> {
    private static final long serialVersionUID = 1L;
    private final TopicSelector<? super IN> topicSelector;
    private final Field<? super IN> value;
    private final Field<? super IN> key;
    private final KafkaPartitioner<? super IN> partitioner;
    private final HeaderProvider<? super IN> headerProvider;

    BuiltSchema(TopicSelector<? super IN> topicSelector, Field<? super IN> value, Field<? super IN> key,
            KafkaPartitioner<? super IN> partitioner, HeaderProvider<? super IN> headerProvider) {
        this.topicSelector = topicSelector;
        this.value = value;
        this.key = key;
        this.partitioner = partitioner;
        this.headerProvider = headerProvider;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
            throws Exception {
        value.open(context);
        if (key != null) {
            key.open(context);
        }
        if (partitioner != null) {
            partitioner.open(sinkContext.getParallelInstanceId(), sinkContext.getNumberOfParallelInstances());
        }
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(IN element, KafkaSinkContext context, Long timestamp) {
        String topic = topicSelector.apply(element);
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("The topic selector chose no topic for record " + element);
        }
        byte[] v = value.serialize(topic, element);
        byte[] k = key == null ? null : key.serialize(topic, element);
        Integer partition = null;
        if (partitioner != null) {
            int[] partitions = context.getPartitionsForTopic(topic);
            partition = partitioner.partition(element, k, v, topic, partitions);
        }
        Headers headers = headerProvider == null ? null : headerProvider.getHeaders(element);
        return new ProducerRecord<>(topic, partition, timestamp == null || timestamp < 0 ? null : timestamp, k, v,
                headers);
    }
}
