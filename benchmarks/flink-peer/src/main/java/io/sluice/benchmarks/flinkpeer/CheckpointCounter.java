package io.sluice.benchmarks.flinkpeer;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that only remembers each job's {@code numberOfCompletedCheckpoints} gauge, so
 * that the benchmark can say how many checkpoints a timed run completed ({@link #completed}). Declared
 * with {@code metrics.reporter.<name>.factory.class} = this class; found through {@code ServiceLoader}.
 */
public final class CheckpointCounter implements MetricReporter, MetricReporterFactory {
    private static final Map<String, Gauge<?>> GAUGES = new ConcurrentHashMap<>();

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new CheckpointCounter();
    }

    @Override
    public void open(MetricConfig config) {
    }

    @Override
    public void close() {
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        String job = group.getAllVariables().get("<job_id>");
        if ("numberOfCompletedCheckpoints".equals(name) && job != null && metric instanceof Gauge) {
            GAUGES.put(job, (Gauge<?>) metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // the gauge stays readable after the job ended; completed() drops it
    }

    /** The completed checkpoints of the job with this id (hex), or -1 when its gauge was never reported. */
    static long completed(String jobId) {
        Gauge<?> gauge = GAUGES.remove(jobId);
        return gauge == null ? -1 : ((Number) gauge.getValue()).longValue();
    }
}
