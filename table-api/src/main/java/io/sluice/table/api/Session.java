package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/** Session group windows closed by a gap of inactivity: {@code Session.withGap(lit(10).minutes()).on($("ts")).as("w")}. */
public final class Session {
    private Session() {
    }

    /** A session window that ends after {@code gap} without rows (per group key). */
    public static SessionWithGap withGap(Expression gap) {
        return new SessionWithGap(gap);
    }
}
