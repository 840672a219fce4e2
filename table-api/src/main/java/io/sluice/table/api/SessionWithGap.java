package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A session window with its gap; {@link #on} names the time attribute. */
public final class SessionWithGap {
    private final Expression gap;

    SessionWithGap(Expression gap) {
        this.gap = gap;
    }

    public SessionWithGapOnTime on(Expression timeField) {
        return new SessionWithGapOnTime(gap, timeField);
    }
}
