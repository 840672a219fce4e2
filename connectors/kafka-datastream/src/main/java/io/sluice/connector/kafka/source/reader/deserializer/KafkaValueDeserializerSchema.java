package io.sluice.connector.kafka.source.reader.deserializer;

import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.util.Collector;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** {@link KafkaRecordDeserializationSchema#valueOnly(Class)}: a Kafka {@link Deserializer} for the values. */
final class KafkaValueDeserializerSchema<V> implements KafkaRecordDeserializationSchema<V> {
    private static final long serialVersionUID = 1L;
    private final Class<? extends Deserializer<V>> deserializerClass;
    private final HashMap<String, String> config;
    private transient Deserializer<V> deserializer;

    KafkaValueDeserializerSchema(Class<? extends Deserializer<V>> deserializerClass, Map<String, String> config) {
        this.deserializerClass = deserializerClass;
        this.config = new HashMap<>(config);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        deserializer = deserializerClass.getDeclaredConstructor().newInstance();
        deserializer.configure(config, false);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) {
        V value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (value != null) {
            out.collect(value);
        }
    }

    /** The type argument of the deserializer class's {@code Deserializer<V>}. */
    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<V> getProducedType() {
        for (Class<?> c = deserializerClass; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType && ((ParameterizedType) t).getRawType() == Deserializer.class) {
                    Type arg = ((ParameterizedType) t).getActualTypeArguments()[0];
                    if (arg instanceof Class) {
                        return TypeInformation.of((Class<V>) arg);
                    }
                }
            }
        }
        throw new IllegalArgumentException("Cannot tell the type " + deserializerClass.getName()
                + " produces; implement KafkaRecordDeserializationSchema with getProducedType instead");
    }
}
