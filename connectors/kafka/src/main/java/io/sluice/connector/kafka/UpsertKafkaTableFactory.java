package io.sluice.connector.kafka;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code 'connector' = 'upsert-kafka'} factory: a table whose PRIMARY KEY columns are the record key. Read, the
 * topic is a changelog from its earliest offset ({@link UpsertNormalizer}); written, +I/+U rows are upserts and
 * -D rows tombstones.
 */
public final class UpsertKafkaTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "upsert-kafka";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(KafkaOptions.BOOTSTRAP_SERVERS, KafkaOptions.TOPIC, KafkaOptions.KEY_FORMAT,
                KafkaOptions.VALUE_FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> all = new java.util.HashSet<>(NotSupportedOptions.UPSERT_KAFKA);
        all.addAll(Set.of(KafkaOptions.GROUP_ID, KafkaOptions.KEY_FIELDS_PREFIX, KafkaOptions.VALUE_FIELDS_INCLUDE,
                KafkaOptions.SCAN_BOUNDED_MODE, KafkaOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS,
                KafkaOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS, KafkaOptions.SCAN_PARTITION_DISCOVERY_INTERVAL,
                KafkaOptions.SCAN_WATERMARK_IDLE_TIMEOUT, KafkaOptions.SCAN_WATERMARK_EMIT_STRATEGY,
                KafkaOptions.SINK_BUFFER_FLUSH_MAX_ROWS, KafkaOptions.SINK_BUFFER_FLUSH_INTERVAL,
                KafkaOptions.DELIVERY_GUARANTEE, KafkaOptions.TRANSACTIONAL_ID_PREFIX));
        return all;
    }

    @Override
    public Set<String> tableDependentOptionPrefixes() {
        return Set.of(KafkaOptions.PROPERTIES_PREFIX, "key.", "value.");
    }

    /** Rejects a changelog value format: upsert-kafka derives the row kinds from the keys itself. */
    private static KafkaTableLayout layout(TableContext context) {
        KafkaTableLayout layout = KafkaTableLayout.of(context, context.primaryKey(), classLoader());
        if (layout.valueChangelogMode(classLoader()).hasUpdates()) {
            throw new ValidationException("'upsert-kafka' connector doesn't support '" + KafkaOptions.VALUE_FORMAT.key()
                    + "' = '" + layout.valueFormat() + "' as it produces a changelog (table " + context.tableName()
                    + "); use an insert-only format such as 'json'.");
        }
        return layout;
    }

    private static void requirePrimaryKey(TableContext context) {
        if (context.primaryKey().isEmpty()) {
            throw new ValidationException("'upsert-kafka' tables require to define a PRIMARY KEY constraint. The"
                    + " PRIMARY KEY specifies which columns should be read from or write to the Kafka message key."
                    + " The PRIMARY KEY also defines records in the 'upsert-kafka' table should update or delete on"
                    + " which keys. (table " + context.tableName() + ")");
        }
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        requirePrimaryKey(context);
        NotSupportedOptions.checkSource(context, NotSupportedOptions.UPSERT_KAFKA);
        Map<String, String> options = new HashMap<>(context.options());
        options.put(KafkaOptions.SCAN_STARTUP_MODE.key(), "earliest-offset");
        TableContext earliest = new TableContext(context.tableName(), context.physicalRowType(), options,
                context.sessionConfig(), context.partitionKeys(), context.primaryKey());
        return new KafkaTableSource(KafkaSourceSpec.of(earliest), layout(context), classLoader(), true);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        NotSupportedOptions.checkSink(context, NotSupportedOptions.UPSERT_KAFKA);
        requirePrimaryKey(context);
        int maxRows = context.get(KafkaOptions.SINK_BUFFER_FLUSH_MAX_ROWS);
        Duration interval = context.get(KafkaOptions.SINK_BUFFER_FLUSH_INTERVAL);
        if ((maxRows > 0) != (interval.toMillis() > 0)) {
            throw new ValidationException("'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must be set"
                    + " to be greater than zero together to enable sink buffer flushing (table "
                    + context.tableName() + ").");
        }
        String topic = context.get(KafkaOptions.TOPIC);
        if (topic.contains(";")) {
            throw new ValidationException("The sink of table " + context.tableName() + " needs exactly one topic.");
        }
        KafkaOptions.DeliveryGuarantee guarantee = context.get(KafkaOptions.DELIVERY_GUARANTEE);
        String prefix = context.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX);
        if (guarantee == KafkaOptions.DeliveryGuarantee.EXACTLY_ONCE && (prefix == null || prefix.isBlank())) {
            throw new ValidationException("Table " + context.tableName() + " uses 'sink.delivery-guarantee' ="
                    + " 'exactly-once', which needs 'sink.transactional-id-prefix'.");
        }
        return new KafkaTableSink(context.tableName(), topic.trim(), KafkaSourceSpec.clientProperties(context),
                layout(context), KafkaOptions.SinkPartitionerKind.DEFAULT, guarantee, prefix, classLoader())
                .asUpsert(maxRows, interval.toMillis());
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : UpsertKafkaTableFactory.class.getClassLoader();
    }
}
