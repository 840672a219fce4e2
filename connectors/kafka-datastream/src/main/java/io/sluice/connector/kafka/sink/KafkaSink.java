package io.sluice.connector.kafka.sink;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.datastream.runtime.sink.RecordSink;
import java.io.IOException;
import java.util.Properties;

/**
 * Writes a DataStream to Kafka: {@code stream.sinkTo(KafkaSink.<String>builder()...build())}.
 * {@link DeliveryGuarantee#NONE} sends and forgets; {@code AT_LEAST_ONCE} also flushes the producer at every
 * checkpoint; {@code EXACTLY_ONCE} writes the records between two checkpoints in one Kafka transaction
 * (transactional id {@code <prefix>-<subtask>-<n>}, {@code n} as the {@link TransactionNamingStrategy} says) and
 * commits it when the checkpoint completes, so consumers
 * reading with {@code isolation.level=read_committed} see every record once, also after a failure and restore.
 *
 * @param <IN> the records
 */
public class KafkaSink<IN> implements Sink<IN>, RecordSink {
    private static final long serialVersionUID = 1L;
    final Properties properties;
    final KafkaRecordSerializationSchema<IN> serializer;
    final DeliveryGuarantee guarantee;
    final String transactionalIdPrefix;
    final TransactionNamingStrategy namingStrategy;

    KafkaSink(Properties properties, KafkaRecordSerializationSchema<IN> serializer, DeliveryGuarantee guarantee,
            String transactionalIdPrefix, TransactionNamingStrategy namingStrategy) {
        this.properties = properties;
        this.serializer = serializer;
        this.guarantee = guarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.namingStrategy = namingStrategy;
    }

    /** A builder of a Kafka sink. */
    public static <IN> KafkaSinkBuilder<IN> builder() {
        return new KafkaSinkBuilder<>();
    }

    /** The Sink API's writer (called outside Sluice's runtime): at-least-once, flushed by {@code flush}. */
    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        KafkaRecordWriter<IN> writer = new KafkaRecordWriter<>(this, context.getTaskInfo(),
                guarantee == DeliveryGuarantee.NONE ? DeliveryGuarantee.NONE : DeliveryGuarantee.AT_LEAST_ONCE);
        writer.open();
        return writer;
    }

    /** The writer Sluice's runtime runs ({@code sinkTo}): checkpoints drive its transactions. */
    @Override
    public Writer createWriter(TaskInfo task, boolean checkpointing) throws Exception {
        KafkaRecordWriter<IN> writer = new KafkaRecordWriter<>(this, task, guarantee);
        writer.open();
        return writer;
    }
}
