package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A complete sliding window. */
public final class SlideWithSizeAndSlideOnTimeWithAlias extends GroupWindow {
    private final Expression size;
    private final Expression slide;

    SlideWithSizeAndSlideOnTimeWithAlias(Expression alias, Expression timeField, Expression size, Expression slide) {
        super(alias, timeField);
        this.size = size;
        this.slide = slide;
    }

    public Expression getSize() {
        return size;
    }

    public Expression getSlide() {
        return slide;
    }
}
