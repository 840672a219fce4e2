package io.sluice.metrics;

/** A user-defined metric: a {@link Counter}, a {@link Gauge} or a {@link Meter}. */
public interface Metric {
}
