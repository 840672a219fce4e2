package io.sluice.server.metrics;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Histogram;
import io.sluice.metrics.HistogramStatistics;
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
 * rate per second, a gauge's its value when that is a number (a boolean is 1 or 0); other gauges are left out. A
 * histogram is a Prometheus summary, and in the REST API the values {@code <id>_min}, {@code _max}, {@code _mean},
 * {@code _median}, {@code _stddev}, {@code _p75}, {@code _p90}, {@code _p95}, {@code _p98}, {@code _p99} and
 * {@code _p999}, as Flink's REST API shows them.
 */
public final class UserMetrics {
    private UserMetrics() {
    }

    /** The numeric user metrics of {@code instance}, in identifier order. */
    public static Map<String, Double> values(OperatorMetrics instance) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : instance.userMetricGroup().metrics().entrySet()) {
            if (e.getValue() instanceof Histogram) {
                HistogramStatistics s = ((Histogram) e.getValue()).getStatistics();
                String id = e.getKey();
                out.put(id + "_min", (double) s.getMin());
                out.put(id + "_max", (double) s.getMax());
                out.put(id + "_mean", s.getMean());
                out.put(id + "_median", quantile(s, 0.5));
                out.put(id + "_stddev", s.getStdDev());
                out.put(id + "_p75", quantile(s, 0.75));
                out.put(id + "_p90", quantile(s, 0.90));
                out.put(id + "_p95", quantile(s, 0.95));
                out.put(id + "_p98", quantile(s, 0.98));
                out.put(id + "_p99", quantile(s, 0.99));
                out.put(id + "_p999", quantile(s, 0.999));
                continue;
            }
            Double v = value(e.getValue());
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** The quantile, 0 for a histogram without values. */
    static double quantile(HistogramStatistics s, double q) {
        return s.size() == 0 ? 0 : s.getQuantile(q);
    }

    /**
     * One numeric user metric as reporters name it: its logical name (key/value groups by their key) and the
     * variables of its key/value groups.
     */
    public record Reported(String identifier, String logicalName, Map<String, String> variables, double value,
            Histogram histogram) {
    }

    /** The numeric user metrics of {@code instance} as reporters name them, in identifier order. */
    public static java.util.List<Reported> reported(OperatorMetrics instance) {
        java.util.List<Reported> out = new java.util.ArrayList<>();
        Map<String, UserMetricGroup.Reported> names = instance.userMetricGroup().reported();
        for (Map.Entry<String, Metric> e : instance.userMetricGroup().metrics().entrySet()) {
            Histogram histogram = e.getValue() instanceof Histogram ? (Histogram) e.getValue() : null;
            Double v = histogram != null ? Double.valueOf(histogram.getCount()) : value(e.getValue());
            UserMetricGroup.Reported name = names.get(e.getKey());
            if (v != null) {
                out.add(name == null ? new Reported(e.getKey(), e.getKey(), Map.of(), v, histogram)
                        : new Reported(e.getKey(), name.logicalName(), name.variables(), v, histogram));
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
