package io.sluice.streaming.api.connector.sink2;

import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.streaming.api.datastream.DataStream;

/**
 * A committing sink with a topology between its writers and its committer, which turns the writers' results into
 * the committables the committer gets. Not supported yet: {@code sinkTo} of such a sink throws
 * {@code UnsupportedOperationException}.
 */
public interface SupportsPreCommitTopology<WriterResultT, CommittableT> {
    /** The committables for the committer, made from the messages of the writers' results. */
    DataStream<CommittableMessage<CommittableT>> addPreCommitTopology(
            DataStream<CommittableMessage<WriterResultT>> committables);

    /** The serializer of the writers' results. */
    SimpleVersionedSerializer<WriterResultT> getWriteResultSerializer();
}
