package io.sluice.metrics.groups;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;

/**
 * The metric group of a sink's committer ({@code CommitterInitContext.metricGroup()}): the runtime counts the
 * committables it hands the committer and what became of them; the committer may add metrics of its own.
 */
public interface SinkCommitterMetricGroup extends OperatorMetricGroup {
    /** Committables handed to the committer (each attempt of a retried one counts). */
    Counter getNumCommittablesTotalCounter();

    /** Committables whose commit failed (with a known or an unknown reason). */
    Counter getNumCommittablesFailureCounter();

    /** Committables the committer asked to retry later. */
    Counter getNumCommittablesRetryCounter();

    /** Committables committed. */
    Counter getNumCommittablesSuccessCounter();

    /** Committables the committer found committed already (after a restore). */
    Counter getNumCommittablesAlreadyCommittedCounter();

    /** Sets the gauge of the committables waiting to be committed (the runtime sets one; a committer may replace it). */
    void setCurrentPendingCommittablesGauge(Gauge<Integer> currentPendingCommittablesGauge);
}
