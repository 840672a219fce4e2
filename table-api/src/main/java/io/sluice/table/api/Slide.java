package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** Sliding (hopping, overlapping) group windows: {@code Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w")}. */
public final class Slide {
    private Slide() {
    }

    /** A sliding window of this size. */
    public static SlideWithSize over(Expression size) {
        return new SlideWithSize(size);
    }
}
