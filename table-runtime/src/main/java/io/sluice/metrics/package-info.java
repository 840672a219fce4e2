/**
 * User-defined metrics in the shape of Flink's {@code org.apache.flink.metrics}: a {@link io.sluice.metrics.MetricGroup}
 * (from {@code FunctionContext.getMetricGroup()}) registers {@link io.sluice.metrics.Counter counters},
 * {@link io.sluice.metrics.Gauge gauges}, {@link io.sluice.metrics.Meter meters} and
 * {@link io.sluice.metrics.Histogram histograms} under the metrics of the operator
 * instance that runs the function, where the job's metrics readers (the Java API, the server's REST API) find them.
 */
package io.sluice.metrics;
