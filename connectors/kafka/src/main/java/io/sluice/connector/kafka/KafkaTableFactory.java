package io.sluice.connector.kafka;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.Set;

/**
 * The {@code 'connector' = 'kafka'} factory. Options are listed in {@link KafkaOptions}; {@code properties.*}
 * go to the Kafka clients, {@code key.<format>.*} and {@code value.<format>.*} to the key and value formats.
 */
public final class KafkaTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "kafka";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(KafkaOptions.BOOTSTRAP_SERVERS);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> all = new java.util.HashSet<>(NotSupportedOptions.KAFKA);
        all.addAll(Set.of(KafkaOptions.TOPIC, KafkaOptions.TOPIC_PATTERN, KafkaOptions.GROUP_ID, KafkaOptions.FORMAT,
                KafkaOptions.VALUE_FORMAT, KafkaOptions.KEY_FORMAT, KafkaOptions.KEY_FIELDS,
                KafkaOptions.KEY_FIELDS_PREFIX, KafkaOptions.VALUE_FIELDS_INCLUDE, KafkaOptions.SCAN_STARTUP_MODE,
                KafkaOptions.SCAN_STARTUP_SPECIFIC_OFFSETS, KafkaOptions.SCAN_STARTUP_TIMESTAMP_MILLIS,
                KafkaOptions.SCAN_BOUNDED_MODE, KafkaOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS,
                KafkaOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS, KafkaOptions.SCAN_PARTITION_DISCOVERY_INTERVAL,
                KafkaOptions.SCAN_WATERMARK_IDLE_TIMEOUT, KafkaOptions.SCAN_WATERMARK_EMIT_STRATEGY,
                KafkaOptions.SINK_PARTITIONER, KafkaOptions.DELIVERY_GUARANTEE, KafkaOptions.TRANSACTIONAL_ID_PREFIX));
        return all;
    }

    @Override
    public Set<String> tableDependentOptionPrefixes() {
        return Set.of(KafkaOptions.PROPERTIES_PREFIX, "key.", "value.");
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        KafkaTableLayout layout = KafkaTableLayout.of(context, null, classLoader()); // checks key/value options first
        NotSupportedOptions.checkSource(context, NotSupportedOptions.KAFKA);
        return new KafkaTableSource(KafkaSourceSpec.of(context), layout, classLoader());
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        NotSupportedOptions.checkSink(context, NotSupportedOptions.KAFKA);
        String topic = context.get(KafkaOptions.TOPIC);
        if (topic == null || topic.contains(";") || context.get(KafkaOptions.TOPIC_PATTERN) != null) {
            throw new ValidationException("The sink of table " + context.tableName() + " needs exactly one topic in"
                    + " option 'topic' (a topic list or 'topic-pattern' can only be read).");
        }
        KafkaOptions.DeliveryGuarantee guarantee = context.get(KafkaOptions.DELIVERY_GUARANTEE);
        String prefix = context.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX);
        if (guarantee == KafkaOptions.DeliveryGuarantee.EXACTLY_ONCE && (prefix == null || prefix.isBlank())) {
            throw new ValidationException("Table " + context.tableName() + " uses 'sink.delivery-guarantee' ="
                    + " 'exactly-once', which needs 'sink.transactional-id-prefix' (unique among the jobs writing"
                    + " to the cluster).");
        }
        return new KafkaTableSink(context.tableName(), topic.trim(), KafkaSourceSpec.clientProperties(context),
                KafkaTableLayout.of(context, null, classLoader()), context.get(KafkaOptions.SINK_PARTITIONER),
                guarantee, prefix, classLoader());
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : KafkaTableFactory.class.getClassLoader();
    }
}
