package io.sluice.connector.kafka.sink;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes the key or the value of a Kafka record with a Kafka {@link Serializer} class (instantiated and
 * configured in each parallel writer), given the record's topic.
 */
final class KafkaSerializerWrapper<IN> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Class<? extends Serializer<? super IN>> serializerClass;
    private final boolean isKey;
    private final HashMap<String, String> configuration;
    private transient Serializer<? super IN> serializer;

    KafkaSerializerWrapper(Class<? extends Serializer<? super IN>> serializerClass, boolean isKey,
            Map<String, String> configuration) {
        this.serializerClass = java.util.Objects.requireNonNull(serializerClass, "serializer class");
        this.isKey = isKey;
        this.configuration = new HashMap<>(configuration);
    }

    void open() {
        try {
            serializer = serializerClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate the Kafka " + (isKey ? "key" : "value")
                    + " serializer " + serializerClass.getName() + " (it needs a public no-argument constructor): "
                    + e.getMessage(), e);
        }
        serializer.configure(configuration, isKey);
    }

    byte[] serialize(String topic, IN element) {
        return serializer.serialize(topic, element);
    }
}
