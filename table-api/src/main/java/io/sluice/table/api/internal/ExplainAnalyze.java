package io.sluice.table.api.internal;

import io.sluice.planner.PlanPrinter;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.execution.LocalExecutor;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.table.api.TableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code EXPLAIN ANALYZE} (a Sluice addition): runs a job to its end, or for at most
 * {@code table.explain.analyze.max-duration} (a streaming query on unbounded input is then stopped), and prints its
 * physical plan with what every operator did, summed over its parallel instances: rows in and out, busy time, peak
 * state size, watermark lag, late rows dropped (or routed to the late-rows table, {@link LateRowsRouting}) and, on
 * sources, the records their format could not decode, routed to a bad-records table ({@link BadRecordsRouting}) or
 * skipped.
 */
final class ExplainAnalyze {
    static final ConfigOption<Duration> MAX_DURATION = ConfigOptions.key("table.explain.analyze.max-duration")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("How long EXPLAIN ANALYZE lets a job run before stopping it to report.");

    private ExplainAnalyze() {
    }

    /** A sink for queries under EXPLAIN ANALYZE: their rows are counted by the metrics, then dropped. */
    static SinkTransformation discardSink(Transformation root) {
        return new SinkTransformation("DiscardSink", root, context -> new SinkWriter() {
            @Override
            public void open() {
            }

            @Override
            public void write(RowBatch batch) {
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** Runs the job of {@code sinks} with {@code config} and renders the annotated plan. */
    static String run(List<SinkTransformation> sinks, Configuration config) {
        JobGraph graph = new JobGraph("explain-analyze", sinks);
        Duration max = config.get(MAX_DURATION);
        long start = System.nanoTime();
        JobExecution job = LocalExecutor.submit(graph, config.copy());
        boolean finished;
        try {
            finished = job.await(max.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                job.cancel();
                job.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new TableException("EXPLAIN ANALYZE was interrupted", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (finished && job.failure() != null) {
            throw new TableException("EXPLAIN ANALYZE: the job failed: " + job.failure().getMessage(), job.failure());
        }
        List<Transformation> order = graph.topologicalOrder();
        Map<Transformation, List<OperatorMetrics>> byNode = new IdentityHashMap<>();
        for (OperatorMetrics m : job.metrics().operators()) {
            if (m.vertexIndex() >= 0 && m.vertexIndex() < order.size()) {
                byNode.computeIfAbsent(order.get(m.vertexIndex()), t -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder text = new StringBuilder("== Analyzed Physical Plan ==\n");
        for (SinkTransformation sink : sinks) {
            text.append(PlanPrinter.tree(sink, t -> annotation(byNode.get(t))));
        }
        text.append('\n').append(finished ? "The job finished in " + millis + " ms."
                : "The job was stopped after " + millis + " ms (table.explain.analyze.max-duration = " + max + ").")
                .append('\n');
        return text.toString();
    }

    private static String annotation(List<OperatorMetrics> instances) {
        if (instances == null || instances.isEmpty()) {
            return null;
        }
        long in = 0;
        long out = 0;
        long busy = 0;
        long state = 0;
        long late = 0;
        long routed = 0;
        long badRouted = 0;
        long badSkipped = 0;
        long lag = -1;
        for (OperatorMetrics m : instances) {
            in += m.numRecordsIn();
            out += m.numRecordsOut();
            busy += m.accumulatedBusyTimeMs();
            state += Math.max(0, m.stateSize());
            late += m.numLateRecordsDropped();
            routed += m.numLateRecordsRouted();
            badRouted += m.numBadRecordsRouted();
            badSkipped += m.numBadRecordsSkipped();
            lag = Math.max(lag, m.watermarkLag());
        }
        StringBuilder sb = new StringBuilder("[");
        if (!instances.get(0).isSource()) {
            sb.append("rows in=").append(in).append(", ");
        }
        sb.append("rows out=").append(out).append(", busy=").append(busy).append(" ms");
        if (instances.size() > 1) {
            sb.append(", parallelism=").append(instances.size());
        }
        if (state > 0) {
            sb.append(", state=").append(bytes(state));
        }
        if (lag >= 0) {
            sb.append(", watermark lag=").append(lag).append(" ms");
        }
        if (late > routed) {
            sb.append(", late rows dropped=").append(late - routed);
        }
        if (routed > 0) {
            sb.append(", late rows routed=").append(routed);
        }
        if (badRouted > 0) {
            sb.append(", bad records routed=").append(badRouted);
        }
        if (badSkipped > 0) {
            sb.append(", bad records skipped=").append(badSkipped);
        }
        return sb.append(']').toString();
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double kb = n / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
