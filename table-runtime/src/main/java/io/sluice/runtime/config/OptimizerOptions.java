package io.sluice.runtime.config;

import java.util.List;

/** Flink's {@code table.optimizer.*} options that change how aggregations are planned. */
public final class OptimizerOptions {
    private OptimizerOptions() {
    }

    public static final ConfigOption<AggregatePhaseStrategy> AGG_PHASE_STRATEGY =
            ConfigOptions.key("table.optimizer.agg-phase-strategy")
            .enumType(AggregatePhaseStrategy.class).defaultValue(AggregatePhaseStrategy.AUTO)
            .withDescription("Strategy for aggregate phases: AUTO, ONE_PHASE or TWO_PHASE. Two-phase (local-global)"
                    + " aggregation pre-aggregates each mini-batch per group before the exchange; in streaming mode it"
                    + " applies only with table.exec.mini-batch.enabled and when every aggregate call can merge.");

    public static final ConfigOption<Boolean> DISTINCT_AGG_SPLIT_ENABLED =
            ConfigOptions.key("table.optimizer.distinct-agg.split.enabled")
            .booleanType().defaultValue(false)
            .withDescription("Whether a streaming aggregation with COUNT/SUM(DISTINCT ...) is split into two levels, the"
                    + " first grouped additionally by a bucket of the distinct value, to spread hot groups.");

    public static final ConfigOption<Integer> DISTINCT_AGG_SPLIT_BUCKET_NUM =
            ConfigOptions.key("table.optimizer.distinct-agg.split.bucket-num")
            .intType().defaultValue(1024)
            .withDescription("Number of buckets a split distinct aggregation spreads each group over.");

    /** Every option of this class. */
    public static List<ConfigOption<?>> all() {
        return List.of(AGG_PHASE_STRATEGY, DISTINCT_AGG_SPLIT_ENABLED, DISTINCT_AGG_SPLIT_BUCKET_NUM);
    }
}
