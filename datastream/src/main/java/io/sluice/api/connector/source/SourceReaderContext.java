package io.sluice.api.connector.source;

import io.sluice.configuration.Configuration;

/** What a {@link SourceReader} knows of its place in the job, and how it talks to the enumerator. */
public interface SourceReaderContext {
    Configuration getConfiguration();

    String getLocalHostName();

    int getIndexOfSubtask();

    /** Asks the enumerator for a split ({@link SplitEnumerator#handleSplitRequest}). */
    void sendSplitRequest();

    void sendSourceEventToCoordinator(SourceEvent sourceEvent);

    /** The number of parallel readers. */
    default int currentParallelism() {
        throw new UnsupportedOperationException("not supported yet: currentParallelism of this context");
    }
}
