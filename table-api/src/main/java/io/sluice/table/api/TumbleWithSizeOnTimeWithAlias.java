package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A complete tumbling window. */
public final class TumbleWithSizeOnTimeWithAlias extends GroupWindow {
    private final Expression size;

    TumbleWithSizeOnTimeWithAlias(Expression alias, Expression timeField, Expression size) {
        super(alias, timeField);
        this.size = size;
    }

    public Expression getSize() {
        return size;
    }
}
