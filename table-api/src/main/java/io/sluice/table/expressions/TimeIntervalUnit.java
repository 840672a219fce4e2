package io.sluice.table.expressions;

/** Units of time intervals, for {@code extract}, {@code floor} and {@code ceil} of temporal values. */
public enum TimeIntervalUnit {
    YEAR, YEAR_TO_MONTH, QUARTER, MONTH, WEEK, DAY, DAY_TO_HOUR, DAY_TO_MINUTE, DAY_TO_SECOND, HOUR, HOUR_TO_MINUTE,
    HOUR_TO_SECOND, MINUTE, MINUTE_TO_SECOND, SECOND, MILLISECOND, MICROSECOND, NANOSECOND, EPOCH;

    /** The unit as SQL spells it ({@code DAY TO SECOND}). */
    public String sql() {
        return name().replace("_TO_", " TO ");
    }
}
