package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.types.TypeExtractor;

/**
 * What the keyed and non-keyed {@link PartitionWindowedStream}s share: each method is a {@link PartitionBodies.Body}
 * run over every partition's records; a subclass says how the partitions are formed ({@link #apply}).
 */
abstract class PartitionBodyStream<T> implements PartitionWindowedStream<T> {
    /** The type of the input's records. */
    abstract TypeInformation<T> inputType();

    /** Runs {@code body} over each partition; {@code type} is the result's type, or null to extract it later. */
    abstract <R> SingleOutputStreamOperator<R> apply(PartitionBodies.Body<T, R> body, TypeInformation<?> type);

    @Override
    public <R> SingleOutputStreamOperator<R> mapPartition(MapPartitionFunction<T, R> mapPartitionFunction) {
        return apply(PartitionBodies.mapPartition(mapPartitionFunction),
                TypeExtractor.typeArgument(mapPartitionFunction, MapPartitionFunction.class, 1));
    }

    @Override
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reduceFunction) {
        return apply(PartitionBodies.reduce(reduceFunction), inputType());
    }

    @Override
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregateFunction) {
        return apply(PartitionBodies.aggregate(aggregateFunction),
                TypeExtractor.typeArgument(aggregateFunction, AggregateFunction.class, 2));
    }

    @Override
    public SingleOutputStreamOperator<T> sortPartition(int field, Order order) {
        return apply(PartitionBodies.sort(PartitionBodies.tupleField(field), order), inputType());
    }

    @Override
    public SingleOutputStreamOperator<T> sortPartition(String field, Order order) {
        return apply(PartitionBodies.sort(PartitionBodies.namedField(field), order), inputType());
    }

    @Override
    public <K> SingleOutputStreamOperator<T> sortPartition(KeySelector<T, K> keySelector, Order order) {
        return apply(PartitionBodies.sort(keySelector, order), inputType());
    }
}
