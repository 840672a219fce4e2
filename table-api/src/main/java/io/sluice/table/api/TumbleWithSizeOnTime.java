package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A tumbling window on a time attribute; {@link #as} names it. */
public final class TumbleWithSizeOnTime {
    private final Expression size;
    private final Expression timeField;

    TumbleWithSizeOnTime(Expression size, Expression timeField) {
        this.size = size;
        this.timeField = timeField;
    }

    /** The alias by which groupBy and select refer to the window. */
    public TumbleWithSizeOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    public TumbleWithSizeOnTimeWithAlias as(Expression alias) {
        return new TumbleWithSizeOnTimeWithAlias(alias, timeField, size);
    }
}
