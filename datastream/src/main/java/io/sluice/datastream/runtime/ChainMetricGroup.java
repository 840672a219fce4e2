package io.sluice.datastream.runtime;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Histogram;
import io.sluice.metrics.Meter;
import io.sluice.metrics.MetricGroup;
import io.sluice.metrics.groups.OperatorIOMetricGroup;
import io.sluice.metrics.groups.OperatorMetricGroup;
import io.sluice.runtime.metrics.OperatorMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The metric group a function of a chain instance sees: the instance's user metric group (whose metrics the server
 * exports), with the instance's variables ({@code <task_name>}, {@code <operator_name>}, {@code <subtask_index>},
 * {@code <task_attempt_num>}) added to those of its key/value groups, and the chain's record counts as its
 * {@link OperatorIOMetricGroup}. Child groups are wrapped the same way, so they report the same variables.
 */
class ChainMetricGroup implements OperatorMetricGroup {
    private final MetricGroup group;
    private final Map<String, String> instanceVariables;
    private final OperatorMetrics metrics;

    private ChainMetricGroup(MetricGroup group, Map<String, String> instanceVariables, OperatorMetrics metrics) {
        this.group = group;
        this.instanceVariables = instanceVariables;
        this.metrics = metrics;
    }

    /**
     * A metric group of the instance {@code task} that no executor reports (for a sink's committer that runs inside
     * the sink's writer, which is handed no operator context).
     */
    static ChainMetricGroup detached(io.sluice.api.common.TaskInfo task) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("<task_name>", task.getTaskName());
        vars.put("<operator_name>", task.getTaskName());
        vars.put("<subtask_index>", String.valueOf(task.getIndexOfThisSubtask()));
        vars.put("<task_attempt_num>", String.valueOf(task.getAttemptNumber()));
        OperatorMetrics metrics = OperatorMetrics.detached(task.getTaskName());
        return new ChainMetricGroup(metrics.userMetricGroup(), Collections.unmodifiableMap(vars), metrics);
    }

    /** The operator metric group of {@code context}'s chain instance. */
    static ChainMetricGroup of(ChainContext context) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("<task_name>", context.getTaskName());
        vars.put("<operator_name>", context.getTaskName());
        vars.put("<subtask_index>", String.valueOf(context.getIndexOfThisSubtask()));
        vars.put("<task_attempt_num>", String.valueOf(context.getAttemptNumber()));
        OperatorMetrics metrics = context.metrics();
        return new ChainMetricGroup(metrics.userMetricGroup(), Collections.unmodifiableMap(vars), metrics);
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
        return new IO();
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
        return new ChainMetricGroup(group.addGroup(name), instanceVariables, metrics);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new ChainMetricGroup(group.addGroup(key, value), instanceVariables, metrics);
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
    public Map<String, String> getAllVariables() {
        Map<String, String> all = new LinkedHashMap<>(instanceVariables);
        all.putAll(group.getAllVariables());
        return Collections.unmodifiableMap(all);
    }

    /** The chain's counts; the group itself is the operator's (metrics registered through it go there). */
    private final class IO extends ChainMetricGroup implements OperatorIOMetricGroup {
        IO() {
            super(group, instanceVariables, metrics);
        }

        @Override
        public Counter getNumRecordsInCounter() {
            return new RuntimeCount("numRecordsIn", metrics::numRecordsIn);
        }

        @Override
        public Counter getNumRecordsOutCounter() {
            return new RuntimeCount("numRecordsOut", metrics::numRecordsOut);
        }

        @Override
        public Counter getNumBytesInCounter() {
            return new RuntimeCount("numBytesIn", metrics::numBytesIn);
        }

        @Override
        public Counter getNumBytesOutCounter() {
            return new RuntimeCount("numBytesOut", metrics::numBytesOut);
        }
    }

    /** A count the runtime keeps, readable by functions. */
    private static final class RuntimeCount implements Counter {
        private final String name;
        private final LongSupplier count;

        RuntimeCount(String name, LongSupplier count) {
            this.name = name;
            this.count = count;
        }

        @Override
        public void inc() {
            throw readOnly();
        }

        @Override
        public void inc(long n) {
            throw readOnly();
        }

        @Override
        public void dec() {
            throw readOnly();
        }

        @Override
        public void dec(long n) {
            throw readOnly();
        }

        private UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("not supported yet: changing the runtime's " + name
                    + " count from a function (it is read-only)");
        }

        @Override
        public long getCount() {
            return count.getAsLong();
        }
    }
}
