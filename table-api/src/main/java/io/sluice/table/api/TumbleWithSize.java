package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A tumbling window with its size; {@link #on} names the time attribute. */
public final class TumbleWithSize {
    private final Expression size;

    TumbleWithSize(Expression size) {
        this.size = size;
    }

    /** The time attribute (event or processing time) that assigns rows to windows. */
    public TumbleWithSizeOnTime on(Expression timeField) {
        return new TumbleWithSizeOnTime(size, timeField);
    }
}
