package io.sluice.streaming.api.connector.sink2;

import io.sluice.streaming.api.datastream.DataStream;

/**
 * A committing sink with a topology after its committer, which receives the committed committables (to compact
 * files, for instance). Not supported yet: {@code sinkTo} of such a sink throws {@code UnsupportedOperationException}.
 */
public interface SupportsPostCommitTopology<CommittableT> {
    /** Adds the topology that reads the committer's committed committables. */
    void addPostCommitTopology(DataStream<CommittableMessage<CommittableT>> committables);
}
