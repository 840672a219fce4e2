package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** A sliding window with its size; {@link #every} gives the slide. */
public final class SlideWithSize {
    private final Expression size;

    SlideWithSize(Expression size) {
        this.size = size;
    }

    /** How far apart consecutive windows start. */
    public SlideWithSizeAndSlide every(Expression slide) {
        return new SlideWithSizeAndSlide(size, slide);
    }
}
