package io.sluice.metrics.groups;

import io.sluice.metrics.Counter;
import io.sluice.metrics.MetricGroup;

/**
 * The input and output counts of an operator instance, as the runtime counts them ({@code numRecordsIn},
 * {@code numRecordsOut}, {@code numBytesIn}, {@code numBytesOut}). In Sluice the chained operations of a DataStream
 * job run as one runtime operator, so these are the counts of the chain the function runs in: what enters the
 * chain and what leaves it. The runtime keeps them; they are read-only ({@code inc}/{@code dec} throw).
 */
public interface OperatorIOMetricGroup extends MetricGroup {
    Counter getNumRecordsInCounter();

    Counter getNumRecordsOutCounter();

    Counter getNumBytesInCounter();

    Counter getNumBytesOutCounter();
}
