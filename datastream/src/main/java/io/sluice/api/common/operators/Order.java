package io.sluice.api.common.operators;

/** The order of a sort ({@code PartitionWindowedStream.sortPartition}). */
public enum Order {
    /** Not sorted: the records stay in their arrival order. */
    NONE,
    /** Smallest first. */
    ASCENDING,
    /** Largest first. */
    DESCENDING,
    /** Any order (Sluice sorts ascending). */
    ANY;

    /** Whether records are sorted in this order. */
    public boolean isOrdered() {
        return this == ASCENDING || this == DESCENDING || this == ANY;
    }
}
