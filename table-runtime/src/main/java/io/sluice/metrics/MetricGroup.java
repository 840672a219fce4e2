package io.sluice.metrics;

import java.util.List;
import java.util.Map;

/**
 * Where a user-defined function registers its metrics, as Flink's {@code MetricGroup}: named metrics in nested
 * groups under the metrics of the operator instance running the function. A metric's identifier is its group path and
 * name joined by dots ({@code getMetricIdentifier}). Registering a name that exists already returns the registered
 * metric when it is of the same kind (so a function opened again after a restart keeps counting), and fails when it
 * is of another kind.
 */
public interface MetricGroup {
    /** A new {@link SimpleCounter} registered as {@code name} (or the counter registered under it). */
    Counter counter(String name);

    /** Registers {@code counter} as {@code name}; returns the registered counter. */
    <C extends Counter> C counter(String name, C counter);

    /** Registers {@code gauge} as {@code name}; returns it (a gauge registered again replaces the old one). */
    <T, G extends Gauge<T>> G gauge(String name, G gauge);

    /** Registers {@code meter} as {@code name}; returns the registered meter. */
    <M extends Meter> M meter(String name, M meter);

    /** Registers {@code histogram} as {@code name} (or returns the histogram registered under it). */
    <H extends Histogram> H histogram(String name, H histogram);

    /** The child group {@code name}. */
    MetricGroup addGroup(String name);

    /** The child group {@code key} with the child {@code value} (Flink's key/value group: two path components). */
    MetricGroup addGroup(String key, String value);

    /** The components of this group's path below the operator. */
    List<String> getScopeComponents();

    /** The identifier of metric {@code metricName} of this group: its path and name joined by dots. */
    String getMetricIdentifier(String metricName);

    /** {@link #getMetricIdentifier(String)} with {@code filter} applied to each part of the path and the name. */
    default String getMetricIdentifier(String metricName, CharacterFilter filter) {
        StringBuilder id = new StringBuilder();
        for (String part : getScopeComponents()) {
            id.append(filter.filterCharacters(part)).append('.');
        }
        return id.append(filter.filterCharacters(metricName)).toString();
    }

    /**
     * The variables of this group, as Flink names them ({@code <key>} to value): those of the key/value groups
     * ({@link #addGroup(String, String)}) on its path, and those the runtime knows of the operator instance.
     */
    default Map<String, String> getAllVariables() {
        return Map.of();
    }
}
