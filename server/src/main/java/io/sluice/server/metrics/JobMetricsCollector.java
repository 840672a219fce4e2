package io.sluice.server.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.metrics.CheckpointStats;
import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.server.JobRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the metrics of the server's running jobs at scrape time, with the names and labels of Flink's Prometheus
 * reporter under the prefix {@code sluice_} instead of {@code flink_} (so a Flink dashboard needs only the prefix
 * changed): job metrics as {@code sluice_jobmanager_job_<name>} with labels {@code host, job_id, job_name}; per
 * operator instance {@code sluice_taskmanager_job_task_operator_<name>} and {@code sluice_taskmanager_job_task_<name>}
 * with labels {@code host, job_id, job_name, task_id, task_name, operator_id, operator_name, subtask_index,
 * task_attempt_num, tm_id}. Each operator
 * instance is its own task. As in Flink's reporter every value is a gauge (counters included, without a
 * {@code _total} suffix). The user metrics functions register in their operator's metric group
 * ({@link UserMetrics}) are {@code sluice_taskmanager_job_task_operator_<group>_<name>} with the operator's labels
 * (a key/value group {@code addGroup(key, value)} is named by its key, with the label {@code key="value"}; a
 * histogram is a summary with Flink's quantiles 0.5, 0.75, 0.95, 0.98, 0.99 and 0.999 and its count),
 * characters other than letters, digits, {@code _} and {@code :} replaced by {@code _} (a user metric whose name is a
 * built-in one's is left out). Jobs that have ended are no longer reported.
 */
public final class JobMetricsCollector implements MultiCollector {
    static final String JOB = "sluice_jobmanager_job_";
    static final String TASK = "sluice_taskmanager_job_task_";
    static final String OPERATOR = "sluice_taskmanager_job_task_operator_";

    private final JobRegistry jobs;
    private final String host;

    /** Collects {@code jobs}' metrics; {@code host} is the {@code host} label (Flink's TaskManager host). */
    public JobMetricsCollector(JobRegistry jobs, String host) {
        this.jobs = jobs;
        this.host = host;
    }

    /** One metric family being collected. */
    private static final class Family {
        final String help;
        final List<GaugeSnapshot.GaugeDataPointSnapshot> points = new ArrayList<>();

        Family(String help) {
            this.help = help;
        }
    }

    /** One summary family (user histograms) being collected. */
    private static final class Summaries {
        final String help;
        final List<SummarySnapshot.SummaryDataPointSnapshot> points = new ArrayList<>();

        Summaries(String help) {
            this.help = help;
        }
    }

    /** The quantiles Flink's Prometheus reporter exports of a histogram. */
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    @Override
    public MetricSnapshots collect() {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, Summaries> summaries = new LinkedHashMap<>();
        for (JobRegistry.Entry entry : jobs.entries()) {
            if (entry.client().getJobStatus().isTerminal()) {
                continue;
            }
            JobExecution execution = entry.execution();
            JobMetrics metrics = execution.metrics();
            Labels job = Labels.of("host", host, "job_id", execution.jobId(), "job_name", entry.name());
            collectJob(families, job, execution, metrics);
            JobPlan plan = metrics.plan();
            for (OperatorMetrics m : metrics.operators()) {
                String vertexId = m.vertexIndex() < plan.vertices().size()
                        ? plan.vertices().get(m.vertexIndex()).id() : String.valueOf(m.vertexIndex());
                Labels labels = job.merge(Labels.of("task_id", vertexId, "task_name", m.vertexName(),
                        "operator_id", vertexId, "operator_name", m.vertexName(),
                        "subtask_index", String.valueOf(m.subtask()), "task_attempt_num",
                        String.valueOf(execution.restarts()), "tm_id", "sluice"));
                collectOperator(families, labels, m);
                collectUser(families, summaries, labels, m);
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, f) -> {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help);
            f.points.forEach(b::dataPoint);
            snapshots.add(b.build());
        });
        summaries.forEach((name, f) -> {
            if (!families.containsKey(name)) {
                SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(f.help);
                f.points.forEach(b::dataPoint);
                snapshots.add(b.build());
            }
        });
        return new MetricSnapshots(snapshots);
    }

    private static void collectJob(Map<String, Family> f, Labels job, JobExecution execution, JobMetrics metrics) {
        CheckpointStats cp = metrics.checkpoints();
        CheckpointStats.Entry last = cp.latestCompleted();
        add(f, JOB + "uptime", "Milliseconds the job has been running", job,
                System.currentTimeMillis() - execution.startTime());
        add(f, JOB + "numRestarts", "Restarts of the job after failures", job, execution.restarts());
        add(f, JOB + "numberOfCompletedCheckpoints", "Completed checkpoints", job, cp.numberOfCompletedCheckpoints());
        add(f, JOB + "numberOfFailedCheckpoints", "Failed checkpoints", job, cp.numberOfFailedCheckpoints());
        add(f, JOB + "numberOfInProgressCheckpoints", "Checkpoints in progress", job,
                cp.numberOfInProgressCheckpoints());
        add(f, JOB + "lastCheckpointDuration", "Milliseconds the latest completed checkpoint took", job,
                last == null ? -1 : last.duration());
        add(f, JOB + "lastCheckpointSize", "Bytes of state in the latest completed checkpoint", job,
                last == null ? -1 : last.stateSize());
        add(f, JOB + "lastCheckpointFullSize", "Bytes of state in the latest completed checkpoint", job,
                last == null ? -1 : last.stateSize());
        add(f, JOB + "lastCheckpointRestoreTimestamp", "When the job last restored from a checkpoint (epoch ms)", job,
                cp.restoredTimestamp());
    }

    private static void collectOperator(Map<String, Family> f, Labels l, OperatorMetrics m) {
        op(f, "numRecordsIn", "Records the operator received", l, m, OperatorMetrics::numRecordsIn);
        op(f, "numRecordsOut", "Records the operator emitted", l, m, OperatorMetrics::numRecordsOut);
        op(f, "numRecordsInPerSecond", "Records received per second", l, m, OperatorMetrics::numRecordsInPerSecond);
        op(f, "numRecordsOutPerSecond", "Records emitted per second", l, m, OperatorMetrics::numRecordsOutPerSecond);
        op(f, "currentInputWatermark", "The operator's combined input watermark (epoch ms)", l, m,
                OperatorMetrics::currentInputWatermark);
        op(f, "currentOutputWatermark", "The latest watermark the operator emitted (epoch ms)", l, m,
                OperatorMetrics::currentOutputWatermark);
        op(f, "watermarkLag", "Milliseconds the watermark lags behind the wall clock (-1: no watermark)", l, m,
                OperatorMetrics::watermarkLag);
        op(f, "numLateRecordsDropped", "Late records the operator dropped", l, m,
                OperatorMetrics::numLateRecordsDropped);
        op(f, "numLateRecordsRouted", "Late records written to the job's late-rows table (counted among the dropped)",
                l, m, OperatorMetrics::numLateRecordsRouted);
        op(f, "stateSize", "Bytes of the operator's state in the latest checkpoint (-1: none yet)", l, m,
                OperatorMetrics::stateSize);
        if (m.isSource()) {
            op(f, "numBadRecordsRouted", "Records the source could not decode and wrote to its bad-records table", l,
                    m, OperatorMetrics::numBadRecordsRouted);
            op(f, "numBadRecordsSkipped", "Records the source could not decode and skipped", l, m,
                    OperatorMetrics::numBadRecordsSkipped);
        }
        if (m.isSource() && m.pendingRecords() >= 0) {
            op(f, "pendingRecords", "Records the source has not read yet", l, m, OperatorMetrics::pendingRecords);
        }
        task(f, "numRecordsIn", "Records the task received", l, m, OperatorMetrics::numRecordsIn);
        task(f, "numRecordsOut", "Records the task emitted", l, m, OperatorMetrics::numRecordsOut);
        task(f, "numBytesIn", "Bytes (Arrow buffers) the task received", l, m, OperatorMetrics::numBytesIn);
        task(f, "numBytesOut", "Bytes (Arrow buffers) the task emitted", l, m, OperatorMetrics::numBytesOut);
        task(f, "numBytesInPerSecond", "Bytes received per second", l, m, OperatorMetrics::numBytesInPerSecond);
        task(f, "numBytesOutPerSecond", "Bytes emitted per second", l, m, OperatorMetrics::numBytesOutPerSecond);
        task(f, "busyTimeMsPerSecond", "Milliseconds per second the task was busy", l, m,
                OperatorMetrics::busyTimeMsPerSecond);
        task(f, "backPressuredTimeMsPerSecond", "Milliseconds per second the task was back-pressured", l, m,
                OperatorMetrics::backPressuredTimeMsPerSecond);
        task(f, "idleTimeMsPerSecond", "Milliseconds per second the task was idle", l, m,
                OperatorMetrics::idleTimeMsPerSecond);
        task(f, "accumulateBusyTimeMs", "Milliseconds the task was busy in total", l, m,
                OperatorMetrics::accumulatedBusyTimeMs);
        task(f, "accumulateBackPressuredTimeMs", "Milliseconds the task was back-pressured in total", l, m,
                OperatorMetrics::accumulatedBackPressuredTimeMs);
    }

    /**
     * The instance's user metrics, named by their logical name (a key/value group by its key, its value a label), unless
     * one would repeat a series collected already.
     */
    private static void collectUser(Map<String, Family> f, Map<String, Summaries> summaries, Labels l,
            OperatorMetrics m) {
        for (UserMetrics.Reported r : UserMetrics.reported(m)) {
            String name = prometheusName(OPERATOR + r.logicalName());
            if (name == null) {
                continue;
            }
            Labels labels = l;
            for (Map.Entry<String, String> v : r.variables().entrySet()) {
                String key = v.getKey().replaceAll("[^a-zA-Z0-9_]", "_");
                if (!labels.contains(key) && io.prometheus.metrics.model.snapshots.PrometheusNaming
                        .isValidLabelName(key)) {
                    labels = labels.add(key, v.getValue());
                }
            }
            Labels series = labels;
            if (r.histogram() != null) {
                Summaries family = summaries.computeIfAbsent(name,
                        k -> new Summaries("User histogram " + r.logicalName() + " of the operator"));
                if (family.points.stream().noneMatch(p -> p.getLabels().equals(series))) {
                    family.points.add(summary(r.histogram(), series));
                }
                continue;
            }
            Family family = f.get(name);
            if (family != null && family.points.stream().anyMatch(p -> p.getLabels().equals(series))) {
                continue;
            }
            add(f, name, "User metric " + r.logicalName() + " of the operator", series, r.value());
        }
    }

    /** A histogram as a summary point: its count and Flink's quantiles of the values it keeps. */
    private static SummarySnapshot.SummaryDataPointSnapshot summary(io.sluice.metrics.Histogram h, Labels labels) {
        io.sluice.metrics.HistogramStatistics s = h.getStatistics();
        List<Quantile> quantiles = new ArrayList<>();
        for (double q : QUANTILES) {
            quantiles.add(new Quantile(q, UserMetrics.quantile(s, q)));
        }
        return SummarySnapshot.SummaryDataPointSnapshot.builder().count(h.getCount())
                .quantiles(Quantiles.of(quantiles)).labels(labels).build();
    }

    /** {@code name} with Flink's character filter, or null when Prometheus would still not take it. */
    static String prometheusName(String name) {
        String filtered = name.replaceAll("[^a-zA-Z0-9_:]", "_");
        if (io.prometheus.metrics.model.snapshots.PrometheusNaming.isValidMetricName(filtered)) {
            return filtered;
        }
        String sanitized = io.prometheus.metrics.model.snapshots.PrometheusNaming.sanitizeMetricName(filtered);
        return io.prometheus.metrics.model.snapshots.PrometheusNaming.isValidMetricName(sanitized) ? sanitized : null;
    }

    private static void op(Map<String, Family> f, String name, String help, Labels l, OperatorMetrics m,
            ToDoubleFunction<OperatorMetrics> value) {
        add(f, OPERATOR + name, help, l, value.applyAsDouble(m));
    }

    private static void task(Map<String, Family> f, String name, String help, Labels l, OperatorMetrics m,
            ToDoubleFunction<OperatorMetrics> value) {
        add(f, TASK + name, help, l, value.applyAsDouble(m));
    }

    private static void add(Map<String, Family> f, String name, String help, Labels labels, double value) {
        f.computeIfAbsent(name, k -> new Family(help)).points.add(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    }
}
