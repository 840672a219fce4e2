package io.sluice.runtime.config;

/**
 * The values of {@code table.optimizer.agg-phase-strategy}, as in Flink: how many phases a GROUP BY aggregation
 * runs in.
 */
public enum AggregatePhaseStrategy {
    /**
     * Two phases where they can apply (streaming: mini-batch is enabled and every aggregate call can be merged),
     * else one.
     */
    AUTO,
    /** Always one phase: every row goes to the instance owning its group. */
    ONE_PHASE,
    /**
     * Two phases wherever every aggregate call can be merged (streaming: only with mini-batch enabled, as in Flink),
     * else one.
     */
    TWO_PHASE
}
