package io.sluice.runtime.operator.aggregate;

/**
 * The built-in aggregate functions hash aggregation computes, with Flink's semantics: NULL arguments
 * are ignored; an aggregate over no (non-NULL) values is NULL, except COUNT and SUM0, which are 0.
 */
public enum AggregateKind {
    /** {@code COUNT(*)} (no argument: counts rows) or {@code COUNT(x, ...)} (rows where every argument is non-NULL). */
    COUNT,
    /** Sum; NULL for a group without non-NULL values. */
    SUM,
    /** Sum; 0 for a group without non-NULL values (Calcite's {@code $SUM0}). */
    SUM0,
    /** Average; integer arguments give a truncated integer average, as in Flink. */
    AVG,
    MIN,
    MAX,
    /** The single value of the group; fails when a group has more than one row (scalar subqueries). */
    SINGLE_VALUE,
    /** Some value of the group: the first non-NULL value seen. */
    ANY_VALUE,
    /** TRUE when every non-NULL value is TRUE ({@code EVERY}). */
    BOOL_AND,
    /** TRUE when some non-NULL value is TRUE ({@code SOME}/{@code ANY}). */
    BOOL_OR,
    /**
     * A user-defined aggregate function ({@code AggregateFunction}), called through the generated
     * {@link UserAggregateInvoker} of {@link AggregateSpec#userAggregate()}; it takes any number of arguments
     * and sees NULL arguments itself.
     */
    USER_DEFINED
}
