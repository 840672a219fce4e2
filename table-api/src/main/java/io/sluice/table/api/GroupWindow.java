package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/**
 * A group window with its time attribute and alias, built with {@link Tumble}, {@link Slide} or {@link Session};
 * {@code table.window(w).groupBy($("w"), ...).select(...)} aggregates per window.
 */
public abstract class GroupWindow {
    private final Expression alias;
    private final Expression timeField;

    GroupWindow(Expression alias, Expression timeField) {
        this.alias = alias;
        this.timeField = timeField;
    }

    public Expression getAlias() {
        return alias;
    }

    public Expression getTimeField() {
        return timeField;
    }
}
