package io.sluice.benchmarks.memory;

/** How the {@code 'bench-memory'} reader hands the dataset's batches to the job ({@code 'replay'} option). */
public enum ReplayMode {
    /** Bulk-copy every buffer into the reader's allocator (default; ordinary ownership). */
    COPY,
    /** Zero-copy views of the dataset's buffers, still accounted to the dataset's allocator. */
    SHARE
}
