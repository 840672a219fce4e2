package io.sluice.server.metrics;

import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.server.JobRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records per second of every operator of the running jobs, sampled once a second and kept for the last
 * {@link #SAMPLES} seconds, so a chart shows the recent past as soon as it opens. A sink's rate is what it
 * receives, every other operator's what it emits.
 */
public final class RateHistory {
    /** How many samples (seconds) each job keeps. */
    public static final int SAMPLES = 120;

    /** One sample: when, and the rate of each vertex (by plan index). */
    public record Sample(long timestamp, double[] rates) {
    }

    /** A job's samples with its plan's vertices. */
    public record History(List<JobPlan.Vertex> vertices, List<Sample> samples) {
    }

    private final JobRegistry jobs;
    private final Map<String, ArrayDeque<Sample>> samples = new ConcurrentHashMap<>();

    public RateHistory(JobRegistry jobs) {
        this.jobs = jobs;
    }

    /** Takes one sample of every running job. */
    public void sample() {
        long now = System.currentTimeMillis();
        List<JobRegistry.Entry> entries = jobs.entries();
        java.util.Set<String> listed = new java.util.HashSet<>();
        entries.forEach(e -> listed.add(e.client().getJobID()));
        samples.keySet().retainAll(listed); // jobs dropped from the history
        for (JobRegistry.Entry e : entries) {
            if (e.client().getJobStatus().isTerminal()) {
                continue;
            }
            JobPlan plan = e.execution().metrics().plan();
            double[] rates = new double[plan.vertices().size()];
            for (OperatorMetrics m : e.execution().metrics().operators()) {
                if (m.vertexIndex() < rates.length) {
                    boolean sink = plan.vertices().get(m.vertexIndex()).sink();
                    rates[m.vertexIndex()] += sink ? m.numRecordsInPerSecond() : m.numRecordsOutPerSecond();
                }
            }
            ArrayDeque<Sample> list = samples.computeIfAbsent(e.client().getJobID(), k -> new ArrayDeque<>());
            synchronized (list) {
                list.addLast(new Sample(now, rates));
                while (list.size() > SAMPLES) {
                    list.removeFirst();
                }
            }
        }
    }

    /** The samples of a job (none when it was never sampled). */
    public History history(JobRegistry.Entry e) {
        ArrayDeque<Sample> list = samples.get(e.client().getJobID());
        List<Sample> copy = new ArrayList<>();
        if (list != null) {
            synchronized (list) {
                copy.addAll(list);
            }
        }
        return new History(e.execution().metrics().plan().vertices(), copy);
    }
}
