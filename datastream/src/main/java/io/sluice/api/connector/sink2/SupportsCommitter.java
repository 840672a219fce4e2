package io.sluice.api.connector.sink2;

import io.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A {@link Sink} that commits in two phases: its writer is a {@link CommittingSinkWriter} whose committables are
 * kept in the checkpoint and handed to the {@link Committer} once that checkpoint completed (or at the end of a
 * bounded input); after a restore, the committables of the restored checkpoint are committed again, so a committer
 * must recognize what it already committed.
 *
 * @param <CommittableT> what the committer needs to commit the staged data
 */
public interface SupportsCommitter<CommittableT> {
    /** The committer of one parallel instance of the sink. */
    Committer<CommittableT> createCommitter(CommitterInitContext context) throws IOException;

    /** Writes and reads the committables in checkpoints. */
    SimpleVersionedSerializer<CommittableT> getCommittableSerializer();
}
