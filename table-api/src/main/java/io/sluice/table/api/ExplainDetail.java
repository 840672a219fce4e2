package io.sluice.table.api;

/** Extra details {@code explain(...)} can print, as in {@code EXPLAIN CHANGELOG_MODE, ESTIMATED_COST ...}. */
public enum ExplainDetail {
    /** The estimated cost of each physical node. */
    ESTIMATED_COST,
    /** The changelog mode (+I, -U, +U, -D) each physical node produces. */
    CHANGELOG_MODE,
    /** The execution plan in JSON. */
    JSON_EXECUTION_PLAN,
    /** Advice on the plan (not supported yet). */
    PLAN_ADVICE
}
