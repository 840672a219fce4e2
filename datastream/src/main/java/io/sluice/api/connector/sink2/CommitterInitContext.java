package io.sluice.api.connector.sink2;

/** What a sink sees when it creates its {@link Committer}. */
public interface CommitterInitContext extends InitContext {
    /**
     * The committer's metric group: the runtime counts the committables and their outcomes in it (Flink's
     * {@code totalCommittables}, {@code successfulCommittables}, ...), and the committer may add its own metrics.
     */
    default io.sluice.metrics.groups.SinkCommitterMetricGroup metricGroup() {
        throw new UnsupportedOperationException("not supported yet: CommitterInitContext.metricGroup outside of a"
                + " running job");
    }
}
