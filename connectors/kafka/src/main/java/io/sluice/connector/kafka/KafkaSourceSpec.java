package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.BoundedMode;
import io.sluice.connector.kafka.KafkaOptions.StartupMode;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** What a Kafka source reads: topics, client properties, where reading starts and ends. Immutable. */
final class KafkaSourceSpec {
    final String tableName;
    final List<String> topics;
    final Pattern topicPattern;
    final Properties properties;
    final StartupMode startupMode;
    final Map<Integer, Long> startupOffsets;
    final Long startupTimestamp;
    final BoundedMode boundedMode;
    final Map<Integer, Long> boundedOffsets;
    final Long boundedTimestamp;
    final Duration discoveryInterval;
    /** {@code scan.watermark.idle-timeout}, or null for {@code table.exec.source.idle-timeout}. */
    final Duration watermarkIdleTimeout;
    final KafkaOptions.WatermarkEmitStrategy watermarkEmitStrategy;
    /** Flink's source property {@code commit.offsets.on.checkpoint}: commit the group's offsets at checkpoints. */
    final boolean commitOffsets;
    /** Flink's source property {@code client.id.prefix}, or null: the consumers' client id is it plus the subtask. */
    final String clientIdPrefix;

    private KafkaSourceSpec(TableContext c) {
        tableName = c.tableName();
        String topic = c.get(KafkaOptions.TOPIC);
        String pattern = c.get(KafkaOptions.TOPIC_PATTERN);
        if ((topic == null) == (pattern == null)) {
            throw new ValidationException("Option 'topic' and 'topic-pattern' shouldn't be set together (table "
                    + tableName + "); set exactly one of them.");
        }
        topics = topic == null ? List.of() : List.of(topic.split(";")).stream().map(String::trim).toList();
        topicPattern = pattern == null ? null : Pattern.compile(pattern);
        properties = clientProperties(c);
        // Flink's Kafka source properties, which are not Kafka client properties
        commitOffsets = !"false".equalsIgnoreCase((String) properties.remove("commit.offsets.on.checkpoint"));
        clientIdPrefix = (String) properties.remove("client.id.prefix");
        String discoveryMillis = (String) properties.remove("partition.discovery.interval.ms");
        String registerMetrics = (String) properties.remove("register.consumer.metrics");
        if (registerMetrics != null && !"false".equalsIgnoreCase(registerMetrics.trim())) {
            throw new io.sluice.table.api.UnsupportedFeatureException("'properties.register.consumer.metrics' ="
                    + " '" + registerMetrics + "' of table " + tableName + " (the Kafka consumer's own metrics are"
                    + " not registered; set it to 'false' or remove it)");
        }
        startupMode = c.get(KafkaOptions.SCAN_STARTUP_MODE);
        startupOffsets = startupMode == StartupMode.SPECIFIC_OFFSETS ? OffsetSpecs.parse(
                c.get(KafkaOptions.SCAN_STARTUP_SPECIFIC_OFFSETS), KafkaOptions.SCAN_STARTUP_SPECIFIC_OFFSETS.key(),
                tableName) : Map.of();
        startupTimestamp = c.get(KafkaOptions.SCAN_STARTUP_TIMESTAMP_MILLIS);
        if (startupMode == StartupMode.TIMESTAMP && startupTimestamp == null) {
            throw new ValidationException("'scan.startup.timestamp-millis' is required in 'timestamp' startup mode"
                    + " but missing (table " + tableName + ").");
        }
        boundedMode = c.get(KafkaOptions.SCAN_BOUNDED_MODE);
        boundedOffsets = boundedMode == BoundedMode.SPECIFIC_OFFSETS ? OffsetSpecs.parse(
                c.get(KafkaOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS), KafkaOptions.SCAN_BOUNDED_SPECIFIC_OFFSETS.key(),
                tableName) : Map.of();
        boundedTimestamp = c.get(KafkaOptions.SCAN_BOUNDED_TIMESTAMP_MILLIS);
        if (boundedMode == BoundedMode.TIMESTAMP && boundedTimestamp == null) {
            throw new ValidationException("'scan.bounded.timestamp-millis' is required in 'timestamp' bounded mode"
                    + " but missing (table " + tableName + ").");
        }
        if ((startupMode == StartupMode.GROUP_OFFSETS || boundedMode == BoundedMode.GROUP_OFFSETS)
                && !properties.containsKey("group.id")) {
            throw new ValidationException("Table " + tableName + " reads from 'group-offsets' (the default of"
                    + " 'scan.startup.mode') but sets no 'properties.group.id'; set the group or another"
                    + " 'scan.startup.mode' such as 'earliest-offset'.");
        }
        discoveryInterval = discoveryMillis != null
                && !c.options().containsKey(KafkaOptions.SCAN_PARTITION_DISCOVERY_INTERVAL.key())
                ? Duration.ofMillis(parseMillis(discoveryMillis, tableName))
                : c.get(KafkaOptions.SCAN_PARTITION_DISCOVERY_INTERVAL);
        watermarkIdleTimeout = c.get(KafkaOptions.SCAN_WATERMARK_IDLE_TIMEOUT);
        watermarkEmitStrategy = c.get(KafkaOptions.SCAN_WATERMARK_EMIT_STRATEGY);
    }

    private static long parseMillis(String text, String tableName) {
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new ValidationException("'properties.partition.discovery.interval.ms' of table " + tableName
                    + " must be a number of milliseconds, but is '" + text + "'.");
        }
    }

    static KafkaSourceSpec of(TableContext context) {
        return new KafkaSourceSpec(context);
    }

    /** The {@code properties.*} options without their prefix. */
    static Properties clientProperties(TableContext c) {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : c.options().entrySet()) {
            if (e.getKey().startsWith(KafkaOptions.PROPERTIES_PREFIX)) {
                p.setProperty(e.getKey().substring(KafkaOptions.PROPERTIES_PREFIX.length()), e.getValue());
            }
        }
        if (!p.containsKey("bootstrap.servers")) {
            throw new ValidationException("Table " + c.tableName() + " is missing required option"
                    + " 'properties.bootstrap.servers'.");
        }
        return p;
    }

    boolean isBounded() {
        return boundedMode != BoundedMode.UNBOUNDED;
    }

    String describeTopics() {
        return topicPattern != null ? "topic-pattern=" + topicPattern.pattern() : "topic=" + String.join(";", topics);
    }
}
