package io.sluice.table.expressions;

/** Units of points in time, for {@code timestampDiff}. */
public enum TimePointUnit {
    YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, QUARTER, WEEK, MILLISECOND, MICROSECOND
}
