package io.sluice.table.api.internal;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.config.ExecutionOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option {@code SET} accepts: the engine's own ({@link ExecutionOptions}) plus Flink option keys
 * that scripts commonly set, so those scripts run unchanged. Keys outside this list are rejected with
 * the nearest known keys.
 */
final class SessionOptions {
    static final ConfigOption<Boolean> DML_SYNC = ConfigOptions.key("table.dml-sync").booleanType().defaultValue(false)
            .withDescription("Whether INSERT waits for its job to finish before the next statement.");

    static final ConfigOption<Boolean> PLAN_FORCE_RECOMPILE = ConfigOptions.key("table.plan.force-recompile")
            .booleanType().defaultValue(false)
            .withDescription("Whether COMPILE PLAN overwrites an existing plan file.");

    static final ConfigOption<String> SQL_DIALECT = ConfigOptions.key("table.sql-dialect").stringType()
            .defaultValue("default")
            .withDescription("The SQL dialect: 'default' (Flink SQL). Flink's 'hive' dialect is not supported yet.");

    private static final Map<String, ConfigOption<?>> KNOWN = new LinkedHashMap<>();

    static {
        for (String key : List.of("pipeline.name", "sql-client.execution.result-mode", "sql-client.verbose",
                "sql-client.display.max-column-width", "table.display.max-column-width",
                "sql-client.display.color-schema", "table.exec.sink.not-null-enforcer",
                "table.exec.emit.early-fire.enabled", "pipeline.global-job-parameters")) {
            KNOWN.put(key, ConfigOptions.key(key).stringType().noDefaultValue()
                    .withDescription("Flink option accepted for compatibility."));
        }
        for (ConfigOption<?> o : ExecutionOptions.all()) {
            KNOWN.put(o.key(), o);
        }
        for (ConfigOption<?> o : io.sluice.runtime.config.OptimizerOptions.all()) {
            KNOWN.put(o.key(), o);
        }
        for (ConfigOption<?> o : io.sluice.runtime.config.CheckpointingOptions.all()) {
            KNOWN.put(o.key(), o);
        }
        for (ConfigOption<?> o : MaterializedTableOptions.all()) {
            KNOWN.put(o.key(), o);
        }
        KNOWN.put(DML_SYNC.key(), DML_SYNC);
        KNOWN.put(SQL_DIALECT.key(), SQL_DIALECT);
        KNOWN.put(PLAN_FORCE_RECOMPILE.key(), PLAN_FORCE_RECOMPILE);
        KNOWN.put(ExplainAnalyze.MAX_DURATION.key(), ExplainAnalyze.MAX_DURATION);
        KNOWN.put(LateRowsRouting.TABLE.key(), LateRowsRouting.TABLE);
    }

    private SessionOptions() {
    }

    /** Checks a value of {@code table.sql-dialect}: only Flink's default dialect is there. */
    static void checkDialect(String value) {
        String dialect = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (dialect.equals("hive")) {
            throw new io.sluice.table.api.UnsupportedFeatureException("the Hive SQL dialect ('table.sql-dialect' ="
                    + " 'hive')");
        }
        if (!dialect.equals("default")) {
            throw new io.sluice.table.api.ValidationException("Unknown SQL dialect '" + value + "' for option '"
                    + SQL_DIALECT.key() + "': the dialects are 'default' and 'hive'.");
        }
    }

    static ConfigOption<?> find(String key) {
        return KNOWN.get(key);
    }

    static List<String> keys() {
        return new ArrayList<>(KNOWN.keySet());
    }
}
