package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A sliding window with size and slide; {@link #on} names the time attribute. */
public final class SlideWithSizeAndSlide {
    private final Expression size;
    private final Expression slide;

    SlideWithSizeAndSlide(Expression size, Expression slide) {
        this.size = size;
        this.slide = slide;
    }

    public SlideWithSizeAndSlideOnTime on(Expression timeField) {
        return new SlideWithSizeAndSlideOnTime(size, slide, timeField);
    }
}
