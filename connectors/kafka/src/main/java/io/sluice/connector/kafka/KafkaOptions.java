package io.sluice.connector.kafka;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.FactoryUtil;
import java.time.Duration;

/** Options of the {@code kafka} and {@code upsert-kafka} connectors, with Flink's keys. */
public final class KafkaOptions {
    private KafkaOptions() {
    }

    /** Prefix of the options handed to the Kafka clients, e.g. {@code properties.bootstrap.servers}. */
    public static final String PROPERTIES_PREFIX = "properties.";

    public static final ConfigOption<String> TOPIC = ConfigOptions.key("topic").stringType().noDefaultValue()
            .withDescription("Topic name, or several separated by ';'.");
    public static final ConfigOption<String> TOPIC_PATTERN = ConfigOptions.key("topic-pattern").stringType()
            .noDefaultValue().withDescription("Regular expression of the topics to read.");
    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOptions.key("properties.bootstrap.servers")
            .stringType().noDefaultValue().withDescription("Kafka brokers, host:port[,host:port...].");
    public static final ConfigOption<String> GROUP_ID = ConfigOptions.key("properties.group.id").stringType()
            .noDefaultValue().withDescription("Consumer group whose committed offsets 'group-offsets' uses.");
    public static final ConfigOption<String> FORMAT = FactoryUtil.FORMAT;
    public static final ConfigOption<String> VALUE_FORMAT = ConfigOptions.key("value.format").stringType()
            .noDefaultValue().withDescription("Format of the record values.");
    public static final ConfigOption<String> KEY_FORMAT = ConfigOptions.key("key.format").stringType()
            .noDefaultValue().withDescription("Format of the record keys.");
    public static final ConfigOption<String> KEY_FIELDS = ConfigOptions.key("key.fields").stringType()
            .noDefaultValue().withDescription("Physical columns stored in the record key, separated by ';'.");
    public static final ConfigOption<String> KEY_FIELDS_PREFIX = ConfigOptions.key("key.fields-prefix").stringType()
            .noDefaultValue().withDescription("Prefix of key column names that the key format does not see.");
    public static final ConfigOption<ValueFieldsInclude> VALUE_FIELDS_INCLUDE = ConfigOptions
            .key("value.fields-include").enumType(ValueFieldsInclude.class).defaultValue(ValueFieldsInclude.ALL)
            .withDescription("Whether the value holds all physical columns or all except the key columns.");
    public static final ConfigOption<StartupMode> SCAN_STARTUP_MODE = ConfigOptions.key("scan.startup.mode")
            .enumType(StartupMode.class).defaultValue(StartupMode.GROUP_OFFSETS)
            .withDescription("Where reading starts.");
    public static final ConfigOption<String> SCAN_STARTUP_SPECIFIC_OFFSETS = ConfigOptions
            .key("scan.startup.specific-offsets").stringType().noDefaultValue()
            .withDescription("'partition:0,offset:42;partition:1,offset:300' for 'specific-offsets'.");
    public static final ConfigOption<Long> SCAN_STARTUP_TIMESTAMP_MILLIS = ConfigOptions
            .key("scan.startup.timestamp-millis").longType().noDefaultValue()
            .withDescription("Epoch milliseconds for 'timestamp'.");
    public static final ConfigOption<BoundedMode> SCAN_BOUNDED_MODE = ConfigOptions.key("scan.bounded.mode")
            .enumType(BoundedMode.class).defaultValue(BoundedMode.UNBOUNDED)
            .withDescription("Where reading ends.");
    public static final ConfigOption<String> SCAN_BOUNDED_SPECIFIC_OFFSETS = ConfigOptions
            .key("scan.bounded.specific-offsets").stringType().noDefaultValue()
            .withDescription("End offsets (exclusive) for 'specific-offsets'.");
    public static final ConfigOption<Long> SCAN_BOUNDED_TIMESTAMP_MILLIS = ConfigOptions
            .key("scan.bounded.timestamp-millis").longType().noDefaultValue()
            .withDescription("Epoch milliseconds for 'timestamp' (records before it are read).");
    public static final ConfigOption<Duration> SCAN_PARTITION_DISCOVERY_INTERVAL = ConfigOptions
            .key("scan.topic-partition-discovery.interval").durationType().defaultValue(Duration.ofMinutes(5))
            .withDescription("How often new partitions (and topics of a pattern) are looked for; 0 disables it.");
    public static final ConfigOption<Duration> SCAN_WATERMARK_IDLE_TIMEOUT = ConfigOptions
            .key("scan.watermark.idle-timeout").durationType().noDefaultValue()
            .withDescription("A partition without records for this long stops holding back the watermark (default:"
                    + " 'table.exec.source.idle-timeout'; 0 disables idleness).");
    public static final ConfigOption<WatermarkEmitStrategy> SCAN_WATERMARK_EMIT_STRATEGY = ConfigOptions
            .key("scan.watermark.emit.strategy").enumType(WatermarkEmitStrategy.class)
            .defaultValue(WatermarkEmitStrategy.ON_PERIODIC)
            .withDescription("on-periodic: at most once per 'pipeline.auto-watermark-interval'; on-event: whenever"
                    + " the watermark advances.");
    public static final ConfigOption<SinkPartitionerKind> SINK_PARTITIONER = ConfigOptions.key("sink.partitioner")
            .enumType(SinkPartitionerKind.class).defaultValue(SinkPartitionerKind.DEFAULT)
            .withDescription("How rows are spread over the topic's partitions.");
    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE = ConfigOptions
            .key("sink.delivery-guarantee").enumType(DeliveryGuarantee.class)
            .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE).withDescription("none, at-least-once or exactly-once.");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOptions
            .key("sink.transactional-id-prefix").stringType().noDefaultValue()
            .withDescription("Prefix of the Kafka transactional ids of an exactly-once sink.");
    public static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
            .noDefaultValue().withDescription("Not supported yet (the sink runs at the job's parallelism); setting it is"
                    + " an error.");

    public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS = ConfigOptions
            .key("sink.buffer-flush.max-rows").intType().defaultValue(0)
            .withDescription("upsert-kafka: keys buffered (latest row per key) before a flush; 0 disables buffering.");
    public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL = ConfigOptions
            .key("sink.buffer-flush.interval").durationType().defaultValue(Duration.ZERO)
            .withDescription("upsert-kafka: longest time a buffered row waits; 0 disables buffering.");

    /** {@code value.fields-include}. */
    public enum ValueFieldsInclude { ALL, EXCEPT_KEY }

    /** {@code scan.startup.mode}. */
    public enum StartupMode { EARLIEST_OFFSET, LATEST_OFFSET, GROUP_OFFSETS, TIMESTAMP, SPECIFIC_OFFSETS }

    /** {@code scan.bounded.mode}. */
    public enum BoundedMode { UNBOUNDED, LATEST_OFFSET, GROUP_OFFSETS, TIMESTAMP, SPECIFIC_OFFSETS }

    /** {@code scan.watermark.emit.strategy}. */
    public enum WatermarkEmitStrategy { ON_EVENT, ON_PERIODIC }

    /** {@code sink.partitioner}. */
    public enum SinkPartitionerKind { DEFAULT, FIXED, ROUND_ROBIN }

    /** {@code sink.delivery-guarantee}. */
    public enum DeliveryGuarantee { NONE, AT_LEAST_ONCE, EXACTLY_ONCE }
}
