package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A complete session window. */
public final class SessionWithGapOnTimeWithAlias extends GroupWindow {
    private final Expression gap;

    SessionWithGapOnTimeWithAlias(Expression alias, Expression timeField, Expression gap) {
        super(alias, timeField);
        this.gap = gap;
    }

    public Expression getGap() {
        return gap;
    }
}
