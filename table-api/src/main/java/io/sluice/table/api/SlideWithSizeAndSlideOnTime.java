package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A sliding window on a time attribute; {@link #as} names it. */
public final class SlideWithSizeAndSlideOnTime {
    private final Expression size;
    private final Expression slide;
    private final Expression timeField;

    SlideWithSizeAndSlideOnTime(Expression size, Expression slide, Expression timeField) {
        this.size = size;
        this.slide = slide;
        this.timeField = timeField;
    }

    public SlideWithSizeAndSlideOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    public SlideWithSizeAndSlideOnTimeWithAlias as(Expression alias) {
        return new SlideWithSizeAndSlideOnTimeWithAlias(alias, timeField, size, slide);
    }
}
