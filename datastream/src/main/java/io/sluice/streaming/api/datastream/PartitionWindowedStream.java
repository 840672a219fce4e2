package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.java.functions.KeySelector;

/**
 * The records of each partition (each parallel instance's records, or each key's on a keyed stream) collected into
 * one window that closes when the input ends ({@code fullWindowPartition()}); for bounded inputs.
 */
public interface PartitionWindowedStream<T> {
    /** Processes each partition's records at once, at the end of the input. */
    <R> SingleOutputStreamOperator<R> mapPartition(MapPartitionFunction<T, R> mapPartitionFunction);

    /** Reduces each partition's records to one. */
    SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reduceFunction);

    /** Aggregates each partition's records. */
    <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregateFunction);

    /** Emits each partition's records sorted by tuple field {@code field}. */
    SingleOutputStreamOperator<T> sortPartition(int field, Order order);

    /** Emits each partition's records sorted by field {@code field} (a tuple's {@code f0}, a POJO's field name). */
    SingleOutputStreamOperator<T> sortPartition(String field, Order order);

    /** Emits each partition's records sorted by the key {@code keySelector} extracts. */
    <K> SingleOutputStreamOperator<T> sortPartition(KeySelector<T, K> keySelector, Order order);
}
