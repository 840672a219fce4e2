package io.sluice.connector.kafka;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.UnsupportedFeatureException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Options of Flink's {@code kafka} and {@code upsert-kafka} connectors that Sluice knows but cannot honour yet. They
 * are declared (so they are not reported as unknown) and setting one fails with "not supported yet: ...", when the
 * table is read for a {@code scan.*} option, when it is written for a {@code sink.*} option, always for the others.
 */
final class NotSupportedOptions {
    private static final String NOTE = "Not supported yet; setting it is an error.";

    static final ConfigOption<Integer> SCAN_PARALLELISM = ConfigOptions.key("scan.parallelism").intType()
            .noDefaultValue().withDescription("Not supported yet (the source runs at the job's parallelism); setting it"
                    + " is an error.");
    static final ConfigOption<String> SCAN_WATERMARK_ALIGNMENT_GROUP = ConfigOptions
            .key("scan.watermark.alignment.group").stringType().noDefaultValue().withDescription(NOTE);
    static final ConfigOption<Duration> SCAN_WATERMARK_ALIGNMENT_MAX_DRIFT = ConfigOptions
            .key("scan.watermark.alignment.max-drift").durationType().noDefaultValue().withDescription(NOTE);
    static final ConfigOption<Duration> SCAN_WATERMARK_ALIGNMENT_UPDATE_INTERVAL = ConfigOptions
            .key("scan.watermark.alignment.update-interval").durationType().noDefaultValue().withDescription(NOTE);
    static final ConfigOption<String> SINK_TRANSACTION_NAMING_STRATEGY = ConfigOptions
            .key("sink.transaction-naming-strategy").stringType().noDefaultValue()
            .withDescription("Not supported yet (transactions are named <prefix>-<instance>-<n>); setting it is an"
                    + " error.");
    static final ConfigOption<String> SINK_SEMANTIC = ConfigOptions.key("sink.semantic").stringType()
            .noDefaultValue().withDescription("Flink's deprecated form of 'sink.delivery-guarantee'; not supported yet,"
                    + " setting it is an error.");
    static final ConfigOption<Boolean> RECORD_KEY_CONNECT_SCHEMA = ConfigOptions
            .key("record.key.include.kafka.connect.json.schema").booleanType().noDefaultValue()
            .withDescription(NOTE);
    static final ConfigOption<Boolean> RECORD_VALUE_CONNECT_SCHEMA = ConfigOptions
            .key("record.value.include.kafka.connect.json.schema").booleanType().noDefaultValue()
            .withDescription(NOTE);

    /** Those of {@code kafka}. */
    static final List<ConfigOption<?>> KAFKA = List.of(SCAN_PARALLELISM, SCAN_WATERMARK_ALIGNMENT_GROUP,
            SCAN_WATERMARK_ALIGNMENT_MAX_DRIFT, SCAN_WATERMARK_ALIGNMENT_UPDATE_INTERVAL,
            SINK_TRANSACTION_NAMING_STRATEGY, SINK_SEMANTIC, KafkaOptions.SINK_PARALLELISM, RECORD_KEY_CONNECT_SCHEMA,
            RECORD_VALUE_CONNECT_SCHEMA);
    /** Those of {@code upsert-kafka}. */
    static final List<ConfigOption<?>> UPSERT_KAFKA = List.of(SCAN_PARALLELISM, SCAN_WATERMARK_ALIGNMENT_GROUP,
            SCAN_WATERMARK_ALIGNMENT_MAX_DRIFT, SCAN_WATERMARK_ALIGNMENT_UPDATE_INTERVAL,
            SINK_TRANSACTION_NAMING_STRATEGY, KafkaOptions.SINK_PARALLELISM);

    private static final Set<String> PARTITIONERS = Set.of("default", "fixed", "round-robin");

    private NotSupportedOptions() {
    }

    /** Fails when the table sets one of {@code declared} that applies to reading. */
    static void checkSource(TableContext context, List<ConfigOption<?>> declared) {
        check(context, declared, "sink.");
    }

    /** Fails when the table sets one of {@code declared} that applies to writing, or a custom partitioner class. */
    static void checkSink(TableContext context, List<ConfigOption<?>> declared) {
        check(context, declared, "scan.");
        String partitioner = context.options().get(KafkaOptions.SINK_PARTITIONER.key());
        if (partitioner != null && !PARTITIONERS.contains(partitioner.trim().toLowerCase(Locale.ROOT))) {
            throw new UnsupportedFeatureException("a custom partitioner class in option 'sink.partitioner' = '"
                    + partitioner + "' of table " + context.tableName() + " (use 'default', 'fixed' or"
                    + " 'round-robin')");
        }
    }

    private static String reason(ConfigOption<?> o) {
        if (o == SCAN_PARALLELISM) {
            return " (the source runs at the job's parallelism)";
        }
        if (o == KafkaOptions.SINK_PARALLELISM) {
            return " (the sink runs at the job's parallelism)";
        }
        if (o == SINK_TRANSACTION_NAMING_STRATEGY) {
            return " (transactions are named <prefix>-<instance>-<n>)";
        }
        return o == SINK_SEMANTIC ? " (use 'sink.delivery-guarantee')" : "";
    }

    private static void check(TableContext context, List<ConfigOption<?>> declared, String otherSide) {
        for (ConfigOption<?> o : declared) {
            if (!o.key().startsWith(otherSide) && context.options().containsKey(o.key())) {
                throw new UnsupportedFeatureException("option '" + o.key() + "' of table " + context.tableName()
                        + reason(o) + "; remove the option");
            }
        }
    }
}
