package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A session window on a time attribute; {@link #as} names it. */
public final class SessionWithGapOnTime {
    private final Expression gap;
    private final Expression timeField;

    SessionWithGapOnTime(Expression gap, Expression timeField) {
        this.gap = gap;
        this.timeField = timeField;
    }

    public SessionWithGapOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    public SessionWithGapOnTimeWithAlias as(Expression alias) {
        return new SessionWithGapOnTimeWithAlias(alias, timeField, gap);
    }
}
