package io.sluice.streaming.api.windowing.assigners;

/** The session gap of each record, for session windows with dynamic gaps ({@code withDynamicGap}). */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends java.io.Serializable {
    /** The gap, in milliseconds, after {@code element}; must be positive. */
    long extract(T element);
}
