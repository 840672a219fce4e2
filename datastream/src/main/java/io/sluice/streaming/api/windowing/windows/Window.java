package io.sluice.streaming.api.windowing.windows;

/** A group of records that a window function computes one result for. */
public abstract class Window {
    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
