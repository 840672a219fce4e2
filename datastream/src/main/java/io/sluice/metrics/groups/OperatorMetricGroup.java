package io.sluice.metrics.groups;

import io.sluice.metrics.MetricGroup;

/**
 * The metric group of one parallel operator instance: a function registers its metrics here
 * ({@code getRuntimeContext().getMetricGroup()}), and reads the instance's input and output counts through
 * {@link #getIOMetricGroup()}.
 */
public interface OperatorMetricGroup extends MetricGroup {
    /** The record and byte counts of this operator instance. */
    OperatorIOMetricGroup getIOMetricGroup();
}
