package io.sluice.runtime.metrics;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
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
    private final List<String> scope;

    /** An empty registry with its root group. */
    public UserMetricGroup() {
        this(new TreeMap<>(), List.of());
    }

    private UserMetricGroup(Map<String, Metric> registry, List<String> scope) {
        this.registry = registry;
        this.scope = scope;
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
        }
        return gauge;
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        return register(name, meter, Meter.class);
    }

    @SuppressWarnings("unchecked")
    private <M extends Metric> M register(String name, M metric, Class<?> kind) {
        String id = getMetricIdentifier(name);
        synchronized (registry) {
            Metric old = registry.get(id);
            if (old == null) {
                registry.put(id, metric);
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
        List<String> child = new ArrayList<>(scope);
        child.add(name);
        return new UserMetricGroup(registry, Collections.unmodifiableList(child));
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return addGroup(key).addGroup(value);
    }

    @Override
    public List<String> getScopeComponents() {
        return scope;
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        if (metricName == null || metricName.isEmpty()) {
            throw new IllegalArgumentException("A metric needs a non-empty name.");
        }
        return scope.isEmpty() ? metricName : String.join(".", scope) + "." + metricName;
    }
}
