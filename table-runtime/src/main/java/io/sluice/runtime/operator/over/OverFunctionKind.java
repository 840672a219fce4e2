package io.sluice.runtime.operator.over;

/**
 * The functions an OVER window evaluates. Ranking and offset functions ({@link #ROW_NUMBER} to
 * {@link #LEAD}) ignore the frame; the rest aggregate the rows of each row's frame.
 */
public enum OverFunctionKind {
    ROW_NUMBER,
    RANK,
    DENSE_RANK,
    PERCENT_RANK,
    CUME_DIST,
    /** Constant argument 0: the number of buckets (a positive Number). */
    NTILE,
    /** Argument field 0: the value; constant 0: the offset (default 1); constant 1: the default value. */
    LAG,
    /** As {@link #LAG}, looking forward. */
    LEAD,
    FIRST_VALUE,
    LAST_VALUE,
    /** No argument field: COUNT(*); one: COUNT(x), non-null values. */
    COUNT,
    SUM,
    /** SUM that returns 0 instead of NULL for an empty frame. */
    SUM0,
    AVG,
    MIN,
    MAX,
    /**
     * A user-defined aggregate function ({@code io.sluice.table.functions.AggregateFunction}), called through the
     * generated invoker of {@link OverFunctionSpec#userAggregate()}; its arguments are input columns or literals.
     */
    USER_DEFINED;

    /** True for the functions that ignore the frame and look at partition positions instead. */
    public boolean ignoresFrame() {
        return ordinal() <= LEAD.ordinal();
    }
}
