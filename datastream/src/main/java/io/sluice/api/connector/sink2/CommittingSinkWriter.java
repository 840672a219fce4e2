package io.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * A writer whose output becomes visible in two phases: at every checkpoint (and at the end of the input)
 * {@link #prepareCommit} hands over what it staged since the last one, and the sink's {@link Committer} makes it
 * visible once that checkpoint completed.
 *
 * @param <InputT> the records written
 * @param <CommT> what the committer needs to commit the staged data
 */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
    /** Called after {@link #flush}: the committables of what was written since the previous call. */
    Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
