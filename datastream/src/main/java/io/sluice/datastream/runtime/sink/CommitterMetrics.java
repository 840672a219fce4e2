package io.sluice.datastream.runtime.sink;

import io.sluice.metrics.CharacterFilter;
import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Histogram;
import io.sluice.metrics.Meter;
import io.sluice.metrics.MetricGroup;
import io.sluice.metrics.SimpleCounter;
import io.sluice.metrics.groups.OperatorIOMetricGroup;
import io.sluice.metrics.groups.OperatorMetricGroup;
import io.sluice.metrics.groups.SinkCommitterMetricGroup;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A committer's metric group over the metric group of the instance running it, with Flink's metric names
 * ({@code totalCommittables}, {@code successfulCommittables}, {@code alreadyCommittedCommittables},
 * {@code retriedCommittables}, {@code failedCommittables}, {@code pendingCommittables}); {@link #counted} updates
 * the counters after each commit call.
 */
final class CommitterMetrics implements SinkCommitterMetricGroup {
    private final OperatorMetricGroup group;
    private final Counter total;
    private final Counter success;
    private final Counter alreadyCommitted;
    private final Counter retry;
    private final Counter failure;
    private volatile Gauge<Integer> pending;

    /**
     * The metrics of committer {@code committer} of the instance whose group is {@code group}: the counters are in
     * its child group {@code committer}, apart from those of other committers chained in the same instance.
     */
    CommitterMetrics(OperatorMetricGroup group, String committer, IntSupplier pendingCommittables) {
        this.group = group;
        MetricGroup own = group.addGroup(committer);
        this.total = own.counter("totalCommittables", new SimpleCounter());
        this.success = own.counter("successfulCommittables", new SimpleCounter());
        this.alreadyCommitted = own.counter("alreadyCommittedCommittables", new SimpleCounter());
        this.retry = own.counter("retriedCommittables", new SimpleCounter());
        this.failure = own.counter("failedCommittables", new SimpleCounter());
        this.pending = new Gauge<>() {
            private volatile int last;

            @Override
            public Integer getValue() {
                try {
                    last = pendingCommittables.getAsInt();
                } catch (java.util.ConcurrentModificationException e) {
                    // read while the committer's thread changed the committables: the last count stands
                }
                return last;
            }
        };
        own.gauge("pendingCommittables", (Gauge<Integer>) () -> this.pending.getValue());
    }

    /** Counts what the committer said about {@code requests}. */
    void counted(List<CommitRequest> requests) {
        for (CommitRequest r : requests) {
            total.inc();
            if (r.outcome == CommitRequest.Outcome.FAILED || r.dropped) {
                failure.inc();
            } else if (r.outcome == CommitRequest.Outcome.RETRY) {
                retry.inc();
            } else if (r.alreadyCommitted) {
                alreadyCommitted.inc();
            } else {
                success.inc();
            }
        }
    }

    @Override
    public Counter getNumCommittablesTotalCounter() {
        return total;
    }

    @Override
    public Counter getNumCommittablesFailureCounter() {
        return failure;
    }

    @Override
    public Counter getNumCommittablesRetryCounter() {
        return retry;
    }

    @Override
    public Counter getNumCommittablesSuccessCounter() {
        return success;
    }

    @Override
    public Counter getNumCommittablesAlreadyCommittedCounter() {
        return alreadyCommitted;
    }

    @Override
    public void setCurrentPendingCommittablesGauge(Gauge<Integer> currentPendingCommittablesGauge) {
        this.pending = java.util.Objects.requireNonNull(currentPendingCommittablesGauge);
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
        return group.getIOMetricGroup();
    }

    @Override
    public Counter counter(String name) {
        return group.counter(name);
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return group.counter(name, counter);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return group.gauge(name, gauge);
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        return group.meter(name, meter);
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        return group.histogram(name, histogram);
    }

    @Override
    public MetricGroup addGroup(String name) {
        return group.addGroup(name);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return group.addGroup(key, value);
    }

    @Override
    public List<String> getScopeComponents() {
        return group.getScopeComponents();
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        return group.getMetricIdentifier(metricName);
    }

    @Override
    public String getMetricIdentifier(String metricName, CharacterFilter filter) {
        return group.getMetricIdentifier(metricName, filter);
    }

    @Override
    public Map<String, String> getAllVariables() {
        return group.getAllVariables();
    }
}
