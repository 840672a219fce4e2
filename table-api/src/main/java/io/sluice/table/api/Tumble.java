package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** Tumbling (fixed-size, non-overlapping) group windows: {@code Tumble.over(lit(10).minutes()).on($("ts")).as("w")}. */
public final class Tumble {
    private Tumble() {
    }

    /** A tumbling window of this size (a time interval such as {@code lit(10).minutes()}). */
    public static TumbleWithSize over(Expression size) {
        return new TumbleWithSize(size);
    }
}
