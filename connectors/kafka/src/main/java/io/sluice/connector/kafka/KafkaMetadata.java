package io.sluice.connector.kafka;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The metadata a Kafka source can read for {@code METADATA} columns, with Flink's keys and types. */
enum KafkaMetadata {
    TOPIC("topic", LogicalType.string()),
    PARTITION("partition", LogicalType.integer()),
    OFFSET("offset", LogicalType.bigint()),
    TIMESTAMP("timestamp", LogicalType.timestampLtz(3)),
    TIMESTAMP_TYPE("timestamp-type", LogicalType.string()),
    /** Flink's {@code MAP<STRING, BYTES>}, or a JSON object in a STRING column ({@link KafkaHeaders}). */
    HEADERS("headers", headersType()),
    LEADER_EPOCH("leader-epoch", LogicalType.integer());

    private final String key;
    private final LogicalType type;

    KafkaMetadata(String key, LogicalType type) {
        this.key = key;
        this.type = type;
    }

    /** Flink's type of the {@code headers} metadata: header key to the header's bytes. */
    static LogicalType headersType() {
        return LogicalType.map(LogicalType.string(), LogicalType.bytes());
    }

    /** True when {@code declared} can hold headers: a MAP from text to bytes, or a string (JSON). */
    static boolean fitsHeaders(LogicalType declared) {
        if (declared.root() == TypeRoot.MAP) {
            return declared.keyType().root().isCharacterString()
                    && (declared.valueType().root() == TypeRoot.VARBINARY
                    || declared.valueType().root() == TypeRoot.BINARY);
        }
        return declared.root().isCharacterString();
    }

    String key() {
        return key;
    }

    /** Every readable key with its type, in declaration order. */
    static Map<String, LogicalType> readable() {
        Map<String, LogicalType> all = new LinkedHashMap<>();
        for (KafkaMetadata m : values()) {
            all.put(m.key, m.type);
        }
        return all;
    }

    static KafkaMetadata of(String key) {
        for (KafkaMetadata m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** True when a column declared with {@code declared} can hold this metadata. */
    boolean fits(LogicalType declared) {
        TypeRoot r = declared.root();
        switch (this) {
            case TOPIC:
            case TIMESTAMP_TYPE:
                return r == TypeRoot.VARCHAR || r == TypeRoot.CHAR;
            case HEADERS:
                return fitsHeaders(declared);
            case TIMESTAMP:
                return r == TypeRoot.TIMESTAMP_LTZ;
            case OFFSET:
                return r == TypeRoot.BIGINT;
            default:
                return r == TypeRoot.INTEGER || r == TypeRoot.BIGINT;
        }
    }

    /**
     * The value of this metadata for {@code record} (an external value for {@code VectorValues.set}) in a column
     * declared {@code declared}.
     */
    Object value(ConsumerRecord<byte[], byte[]> record, LogicalType declared) {
        switch (this) {
            case TOPIC:
                return record.topic();
            case PARTITION:
                return record.partition();
            case OFFSET:
                return record.offset();
            case TIMESTAMP:
                return Instant.ofEpochMilli(record.timestamp());
            case TIMESTAMP_TYPE:
                return record.timestampType().toString();
            case HEADERS:
                return declared.root() == TypeRoot.MAP ? KafkaHeaders.toMap(record.headers())
                        : KafkaHeaders.toJson(record.headers());
            default:
                return record.leaderEpoch().orElse(null);
        }
    }
}
