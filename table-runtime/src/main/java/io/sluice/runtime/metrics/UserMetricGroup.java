package io.sluice.runtime.metrics;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Histogram;
import io.sluice.metrics.Meter;
import io.sluice.metrics.Metric;
import io.sluice.metrics.MetricGroup;
import io.sluice.metrics.SimpleCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user-defined metrics of one operator instance (a {@link MetricGroup} and its child groups sharing one
 * registry), kept in its {@link OperatorMetrics} across restarts so counts only grow. Readers get every metric by
 * its identifier ({@code group.subgroup.name}) from {@link #metrics()}.
 */
public final class UserMetricGroup implements MetricGroup {
    private final Map<String, Metric> registry;
    /** How each registered metric is reported, by identifier (guarded by {@link #registry}). */
    private final Map<String, Reported> reported;
    private final List<String> scope;
    /** The scope without the values of key/value groups (Flink's logical scope). */
    private final List<String> logicalScope;
    /** The keys and values of the key/value groups of the scope (Flink's group variables). */
    private final Map<String, String> variables;

    /**
     * How a reporter names a metric, as Flink's reporters do: by its logical name (the group path without the values
     * of key/value groups, and the metric's name, joined by dots), with the key/value groups' keys and values as
     * variables (labels).
     */
    public record Reported(String logicalName, Map<String, String> variables) {
    }

    /** An empty registry with its root group. */
    public UserMetricGroup() {
        this(new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), Map.of());
    }

    private UserMetricGroup(Map<String, Metric> registry, Map<String, Reported> reported, List<String> scope,
            List<String> logicalScope, Map<String, String> variables) {
        this.registry = registry;
        this.reported = reported;
        this.scope = scope;
        this.logicalScope = logicalScope;
        this.variables = variables;
    }

    /** How every registered metric is reported, by identifier, in identifier order (a copy). */
    public Map<String, Reported> reported() {
        synchronized (registry) {
            return new TreeMap<>(reported);
        }
    }

    private Reported reportedAs(String name) {
        String logical = logicalScope.isEmpty() ? name : String.join(".", logicalScope) + "." + name;
        return new Reported(logical, variables);
    }

    /** Every registered metric by identifier, in identifier order (a copy). */
    public Map<String, Metric> metrics() {
        synchronized (registry) {
            return new TreeMap<>(registry);
        }
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return register(name, counter, Counter.class);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        String id = getMetricIdentifier(name);
        synchronized (registry) {
            Metric old = registry.get(id);
            if (old != null && !(old instanceof Gauge)) {
                throw clash(id, old, gauge);
            }
            registry.put(id, gauge);
            reported.put(id, reportedAs(name));
        }
        return gauge;
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        return register(name, meter, Meter.class);
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        return register(name, histogram, Histogram.class);
    }

    @SuppressWarnings("unchecked")
    private <M extends Metric> M register(String name, M metric, Class<?> kind) {
        String id = getMetricIdentifier(name);
        synchronized (registry) {
            Metric old = registry.get(id);
            if (old == null) {
                registry.put(id, metric);
                reported.put(id, reportedAs(name));
                return metric;
            }
            if (kind.isInstance(old) && old.getClass() == metric.getClass()) {
                return (M) old;
            }
            throw clash(id, old, metric);
        }
    }

    private static IllegalArgumentException clash(String id, Metric old, Metric metric) {
        return new IllegalArgumentException("The metric '" + id + "' is registered already as a "
                + old.getClass().getSimpleName() + "; cannot register a " + metric.getClass().getSimpleName()
                + " under the same name.");
    }

    @Override
    public MetricGroup addGroup(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A metric group needs a non-empty name.");
        }
        List<String> logical = new ArrayList<>(logicalScope);
        logical.add(name);
        return new UserMetricGroup(registry, reported, append(scope, name), Collections.unmodifiableList(logical),
                variables);
    }

    private static List<String> append(List<String> scope, String... names) {
        List<String> child = new ArrayList<>(scope);
        child.addAll(List.of(names));
        return Collections.unmodifiableList(child);
    }

    /**
     * The group {@code key} with the child {@code value}: identifiers go through both ({@code key.value.name}), and
     * reporters name the metrics by {@code key} with {@code key=value} as a variable (label), as in Flink.
     */
    @Override
    public MetricGroup addGroup(String key, String value) {
        if (key == null || key.isEmpty() || value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A key/value metric group needs a non-empty key and value.");
        }
        List<String> logical = new ArrayList<>(logicalScope);
        logical.add(key);
        Map<String, String> vars = new java.util.LinkedHashMap<>(variables);
        vars.put(key, value);
        return new UserMetricGroup(registry, reported, append(scope, key, value),
                Collections.unmodifiableList(logical), Collections.unmodifiableMap(vars));
    }

    @Override
    public List<String> getScopeComponents() {
        return scope;
    }

    /** The key/value groups on this group's path, each as {@code <key>} to its value. */
    @Override
    public Map<String, String> getAllVariables() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        variables.forEach((k, v) -> all.put("<" + k + ">", v));
        return Collections.unmodifiableMap(all);
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        if (metricName == null || metricName.isEmpty()) {
            throw new IllegalArgumentException("A metric needs a non-empty name.");
        }
        return scope.isEmpty() ? metricName : String.join(".", scope) + "." + metricName;
    }
}
