package io.sluice.connector.kafka.sink;

import java.io.Serializable;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka headers of each record written by a {@link KafkaSink}
 * ({@code KafkaRecordSerializationSchema.builder().setHeaderProvider}).
 *
 * @param <IN> the stream records
 */
@FunctionalInterface
public interface HeaderProvider<IN> extends Serializable {
    Headers getHeaders(IN input);
}
