package io.sluice.connector.kafka.sink;

import io.sluice.connector.base.DeliveryGuarantee;
import java.util.Properties;

/**
 * Builds a {@link KafkaSink}: bootstrap servers, a record serializer, and optionally the delivery guarantee
 * (default {@link DeliveryGuarantee#NONE}), the transactional id prefix (required for exactly-once), the
 * {@link TransactionNamingStrategy} and producer properties.
 */
public class KafkaSinkBuilder<IN> {
    private final Properties properties = new Properties();
    private KafkaRecordSerializationSchema<IN> serializer;
    private DeliveryGuarantee guarantee = DeliveryGuarantee.NONE;
    private String transactionalIdPrefix;
    private TransactionNamingStrategy namingStrategy = TransactionNamingStrategy.DEFAULT;

    KafkaSinkBuilder() {
    }

    public KafkaSinkBuilder<IN> setBootstrapServers(String bootstrapServers) {
        return setProperty("bootstrap.servers", bootstrapServers);
    }

    public KafkaSinkBuilder<IN> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.guarantee = deliveryGuarantee;
        return this;
    }

    public KafkaSinkBuilder<IN> setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
        return this;
    }

    /** How exactly-once transactions are named (default {@link TransactionNamingStrategy#INCREMENTING}). */
    public KafkaSinkBuilder<IN> setTransactionNamingStrategy(TransactionNamingStrategy transactionNamingStrategy) {
        this.namingStrategy = java.util.Objects.requireNonNull(transactionNamingStrategy,
                "transactionNamingStrategy must not be null");
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaSinkBuilder<T> setRecordSerializer(KafkaRecordSerializationSchema<T> recordSerializer) {
        KafkaSinkBuilder<T> self = (KafkaSinkBuilder<T>) this;
        self.serializer = recordSerializer;
        return self;
    }

    public KafkaSinkBuilder<IN> setKafkaProducerConfig(Properties props) {
        props.stringPropertyNames().forEach(k -> properties.setProperty(k, props.getProperty(k)));
        return this;
    }

    /** A property of the Kafka producer. */
    public KafkaSinkBuilder<IN> setProperty(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    /** The sink; fails naming what is missing. */
    public KafkaSink<IN> build() {
        if (properties.getProperty("bootstrap.servers") == null) {
            throw new IllegalStateException("No bootstrap servers set for the Kafka sink (setBootstrapServers)");
        }
        if (serializer == null) {
            throw new IllegalStateException("No record serializer set for the Kafka sink (setRecordSerializer)");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE
                && (transactionalIdPrefix == null || transactionalIdPrefix.isEmpty())) {
            throw new IllegalStateException("The EXACTLY_ONCE delivery guarantee needs a transactional id prefix "
                    + "(setTransactionalIdPrefix), unique per job writing to the cluster");
        }
        Properties copy = new Properties();
        copy.putAll(properties);
        return new KafkaSink<>(copy, serializer, guarantee, transactionalIdPrefix, namingStrategy);
    }
}
