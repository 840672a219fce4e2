package io.sluice.server.metrics;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Meter;
import io.sluice.metrics.Metric;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.metrics.UserMetricGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numeric values of the user-defined metrics of an operator instance (what functions registered in their
 * operator's metric group: {@code getRuntimeContext().getMetricGroup()} in DataStream functions,
 * {@code FunctionContext.getMetricGroup()} in SQL functions, {@code get_metric_group()} in Python functions), by
 * identifier ({@code group.subgroup.name}). As Flink's reporters do: a counter's value is its count, a meter's its
 * rate per second, a gauge's its value when that is a number (a boolean is 1 or 0); other gauges are left out.
 */
public final class UserMetrics {
    private UserMetrics() {
    }

    /** The numeric user metrics of {@code instance}, in identifier order. */
    public static Map<String, Double> values(OperatorMetrics instance) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : instance.userMetricGroup().metrics().entrySet()) {
            Double v = value(e.getValue());
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /**
     * One numeric user metric as reporters name it: its logical name (key/value groups by their key) and the
     * variables of its key/value groups.
     */
    public record Reported(String identifier, String logicalName, Map<String, String> variables, double value) {
    }

    /** The numeric user metrics of {@code instance} as reporters name them, in identifier order. */
    public static java.util.List<Reported> reported(OperatorMetrics instance) {
        java.util.List<Reported> out = new java.util.ArrayList<>();
        Map<String, UserMetricGroup.Reported> names = instance.userMetricGroup().reported();
        for (Map.Entry<String, Metric> e : instance.userMetricGroup().metrics().entrySet()) {
            Double v = value(e.getValue());
            UserMetricGroup.Reported name = names.get(e.getKey());
            if (v != null) {
                out.add(name == null ? new Reported(e.getKey(), e.getKey(), Map.of(), v)
                        : new Reported(e.getKey(), name.logicalName(), name.variables(), v));
            }
        }
        return out;
    }

    /** The value of one metric, or null when it has no numeric value. */
    static Double value(Metric m) {
        try {
            if (m instanceof Counter) {
                return (double) ((Counter) m).getCount();
            }
            if (m instanceof Meter) {
                return ((Meter) m).getRate();
            }
            if (m instanceof Gauge) {
                Object v = ((Gauge<?>) m).getValue();
                if (v instanceof Number) {
                    return ((Number) v).doubleValue();
                }
                if (v instanceof Boolean) {
                    return (Boolean) v ? 1.0 : 0.0;
                }
            }
        } catch (RuntimeException e) {
            return null; // a gauge failing to compute its value is left out of this scrape, as Flink's reporter does
        }
        return null;
    }
}
