package io.sluice.api.connector.source;

/** A part of a source's data that one reader reads (a file, a partition, a range). */
public interface SourceSplit {
    /** An id unique among the source's splits. */
    String splitId();
}
