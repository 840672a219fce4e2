package io.sluice.connector.filesystem.format.changelog;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/**
 * Options of the changelog formats beyond the json options they share ({@code ignore-parse-errors},
 * {@code timestamp-format.standard}, {@code map-null-key.*}, {@code encode.decimal-as-plain-number}), with Flink's
 * keys (written {@code '<format>.<key>'} in {@code WITH}).
 */
public final class ChangelogJsonOptions {
    private ChangelogJsonOptions() {
    }

    public static final ConfigOption<Boolean> SCHEMA_INCLUDE = ConfigOptions.key("schema-include").booleanType()
            .defaultValue(false)
            .withDescription("debezium-json: every event is wrapped as {\"schema\": ..., \"payload\": ...} (Kafka"
                    + " Connect's 'value.converter.schemas.enable'). Reading only.");

    public static final ConfigOption<String> DATABASE_INCLUDE = ConfigOptions.key("database.include").stringType()
            .noDefaultValue()
            .withDescription("canal-json: a regular expression; only events of matching databases are read.");

    public static final ConfigOption<String> TABLE_INCLUDE = ConfigOptions.key("table.include").stringType()
            .noDefaultValue()
            .withDescription("canal-json: a regular expression; only events of matching tables are read.");
}
