package io.sluice.table.api.internal;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import java.time.Duration;
import java.util.List;

/** The session options of materialized tables, with Flink's keys and defaults. */
final class MaterializedTableOptions {
    private MaterializedTableOptions() {
    }

    static final ConfigOption<Duration> FRESHNESS_THRESHOLD =
            ConfigOptions.key("materialized-table.refresh-mode.freshness-threshold").durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription("A materialized table without REFRESH_MODE refreshes continuously when its"
                            + " freshness is below this threshold, else in full refreshes.");

    static final ConfigOption<Duration> DEFAULT_FRESHNESS_CONTINUOUS =
            ConfigOptions.key("materialized-table.default-freshness.continuous").durationType()
                    .defaultValue(Duration.ofMinutes(3))
                    .withDescription("The freshness of a materialized table without FRESHNESS that refreshes"
                            + " continuously (also when REFRESH_MODE is not given).");

    static final ConfigOption<Duration> DEFAULT_FRESHNESS_FULL =
            ConfigOptions.key("materialized-table.default-freshness.full").durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("The freshness of a materialized table with REFRESH_MODE = FULL and without"
                            + " FRESHNESS.");

    static List<ConfigOption<?>> all() {
        return List.of(FRESHNESS_THRESHOLD, DEFAULT_FRESHNESS_CONTINUOUS, DEFAULT_FRESHNESS_FULL);
    }
}
