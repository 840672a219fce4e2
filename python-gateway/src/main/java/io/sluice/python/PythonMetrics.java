package io.sluice.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Meter;
import io.sluice.metrics.MeterView;
import io.sluice.metrics.MetricGroup;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics a Python worker's functions registered (PyFlink's {@code get_metric_group()}: counters, gauges, meters
 * and distributions), applied to the metric group of the operator instance running them. A worker sends a metrics
 * frame ({@code 'M'} + JSON) before an answer whenever its metrics changed: a list of
 * {@code [kind, [group, ...], name, value]} entries, kind {@code c} (counter change), {@code m} (meter events and its
 * time span), {@code g} (a gauge's current value) or {@code d} (a distribution's new values: count, sum, min, max).
 * Counts are changes since the last frame, so a worker started again after a restart adds to the same metrics.
 */
public final class PythonMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricGroup root;
    private final Map<String, Object> metrics = new HashMap<>();

    /** Metrics registered in {@code root} (the operator instance's user metric group). */
    public PythonMetrics(MetricGroup root) {
        this.root = root;
    }

    /** Applies one metrics frame's JSON payload. */
    public void apply(byte[] payload) throws IOException {
        JsonNode entries = JSON.readTree(payload);
        for (JsonNode e : entries) {
            String kind = e.get(0).asText();
            MetricGroup group = root;
            StringBuilder id = new StringBuilder(kind).append(':');
            java.util.Set<Integer> pairs = new java.util.HashSet<>();
            for (JsonNode p : e.path(4)) {
                pairs.add(p.asInt());
            }
            JsonNode scope = e.get(1);
            for (int i = 0; i < scope.size(); i++) {
                String part = scope.get(i).asText();
                if (pairs.contains(i) && i + 1 < scope.size()) {
                    // a key/value group: reported by its key, the value a label (Flink's add_group(key, value))
                    String value = scope.get(i + 1).asText();
                    group = group.addGroup(part, value);
                    id.append(part).append('.').append(value).append('.');
                    i++;
                    continue;
                }
                group = group.addGroup(part);
                id.append(part).append('.');
            }
            String name = e.get(2).asText();
            id.append(name);
            JsonNode value = e.get(3);
            MetricGroup g = group;
            switch (kind) {
                case "c" -> ((Counter) metrics.computeIfAbsent(id.toString(), k -> g.counter(name)))
                        .inc(value.asLong());
                case "m" -> ((Meter) metrics.computeIfAbsent(id.toString(),
                        k -> g.meter(name, new MeterView(value.get(1).asInt())))).markEvent(value.get(0).asLong());
                case "g" -> ((PythonGauge) metrics.computeIfAbsent(id.toString(),
                        k -> g.gauge(name, new PythonGauge()))).value = value.isNull() ? null : value.numberValue();
                case "d" -> ((PythonDistribution) metrics.computeIfAbsent(id.toString(),
                        k -> distribution(g, name))).add(value.get(0).asLong(),
                        value.get(1).asLong(), value.get(2).asLong(), value.get(3).asLong());
                default -> throw new IOException("unknown metric kind '" + kind + "' from a Python worker");
            }
        }
    }

    /**
     * The distribution {@code name} of {@code group}: the one registered already (by a worker of the same operator
     * instance before a restart), else a new one.
     */
    private PythonDistribution distribution(MetricGroup group, String name) {
        if (root instanceof io.sluice.runtime.metrics.UserMetricGroup) {
            Object old = ((io.sluice.runtime.metrics.UserMetricGroup) root).metrics()
                    .get(group.getMetricIdentifier(name));
            if (old instanceof PythonDistribution) {
                return (PythonDistribution) old;
            }
        }
        return group.gauge(name, new PythonDistribution());
    }

    /** A gauge of a Python function: the value its callable returned when the worker last reported. */
    public static final class PythonGauge implements Gauge<Number> {
        private volatile Number value;

        @Override
        public Number getValue() {
            return value;
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /**
     * A distribution of a Python function (PyFlink's {@code Distribution}): count, sum, minimum, maximum and mean of
     * the values it was updated with, a gauge whose value is itself, as Flink's Python runtime reports it.
     */
    public static final class PythonDistribution implements Gauge<PythonDistribution> {
        private long count;
        private long sum;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;

        synchronized void add(long n, long total, long low, long high) {
            if (n <= 0) {
                return;
            }
            count += n;
            sum += total;
            min = Math.min(min, low);
            max = Math.max(max, high);
        }

        @Override
        public PythonDistribution getValue() {
            return this;
        }

        public synchronized long getCount() {
            return count;
        }

        public synchronized long getSum() {
            return sum;
        }

        /** The smallest value, or 0 before the first. */
        public synchronized long getMin() {
            return count == 0 ? 0 : min;
        }

        /** The largest value, or 0 before the first. */
        public synchronized long getMax() {
            return count == 0 ? 0 : max;
        }

        /** The mean, or 0 before the first value. */
        public synchronized double getMean() {
            return count == 0 ? 0 : (double) sum / count;
        }

        @Override
        public String toString() {
            return "DistributionResult{sum=" + getSum() + ", count=" + getCount() + ", min=" + getMin() + ", max="
                    + getMax() + "}";
        }
    }
}
