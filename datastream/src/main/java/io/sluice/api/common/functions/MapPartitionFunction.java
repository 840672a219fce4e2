package io.sluice.api.common.functions;

import io.sluice.util.Collector;

/** Processes all the records of a partition at once ({@code PartitionWindowedStream.mapPartition}). */
@FunctionalInterface
public interface MapPartitionFunction<T, O> extends Function, java.io.Serializable {
    /** Processes {@code values}, all the records of the partition, emitting to {@code out}. */
    void mapPartition(Iterable<T> values, Collector<O> out) throws Exception;
}
