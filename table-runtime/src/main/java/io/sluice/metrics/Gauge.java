package io.sluice.metrics;

/** A metric whose value is read when a reader asks for it, as Flink's {@code Gauge}. */
@FunctionalInterface
public interface Gauge<T> extends Metric {
    /** The current value. */
    T getValue();
}
