package io.sluice.server.metrics;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.MetricGroup;
import io.sluice.runtime.metrics.DescriptiveStatisticsHistogram;
import io.sluice.table.functions.FunctionContext;
import io.sluice.table.functions.ScalarFunction;

/**
 * Counts its calls ({@code myGroup.calls}, and in the key/value group {@code region=eu} {@code hits}), reports a
 * gauge ({@code threshold}), counts even ids and keeps a histogram of the ids' last digits ({@code lastDigit}).
 */
public class TaggedFunction extends ScalarFunction {
    private transient Counter calls;
    private transient Counter evens;
    private transient Counter hits;
    private transient DescriptiveStatisticsHistogram digits;

    @Override
    public void open(FunctionContext context) {
        MetricGroup group = context.getMetricGroup();
        calls = group.addGroup("myGroup").counter("calls");
        evens = group.counter("evens_total");
        hits = group.addGroup("region", "eu").counter("hits");
        digits = group.histogram("lastDigit", new DescriptiveStatisticsHistogram(100));
        group.gauge("threshold", (Gauge<Integer>) () -> 42);
        group.gauge("label", (Gauge<String>) () -> "not a number");
    }

    public Long eval(Long id) {
        calls.inc();
        hits.inc();
        if (id != null) {
            digits.update(Math.abs(id % 10));
        }
        if (id != null && id % 2 == 0) {
            evens.inc();
        }
        return id;
    }
}
