package io.sluice.runtime.connector;

import java.util.Optional;

/**
 * A {@link ScanTableSource} (or sink) that sets its own parallelism, usually from a {@code 'scan.parallelism'}
 * option, as Flink's {@code ParallelismProvider}: the planner runs that many instances of its reader, whatever
 * {@code parallelism.default} says.
 */
public interface ParallelismProvider {
    /** The number of parallel instances, or empty for the job's parallelism. */
    Optional<Integer> getParallelism();
}
