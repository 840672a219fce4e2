package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;

/** {@link PartitionWindowedStream} of a keyed stream: each key's records form a partition. */
public class KeyedPartitionWindowedStream<T, KEY> implements PartitionWindowedStream<T> {
    private final KeyedStream<T, KEY> input;

    KeyedPartitionWindowedStream(KeyedStream<T, KEY> input) {
        this.input = input;
    }

    @SuppressWarnings("unchecked")
    private <R> SingleOutputStreamOperator<R> apply(PartitionBodies.Body<T, R> body, TypeInformation<?> type) {
        SingleOutputStreamOperator<R> out = input.window(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new PartitionBodies.Window<T, R, KEY>(body));
        return type != null ? out.returns((TypeInformation<R>) type) : out;
    }

    @Override
    public <R> SingleOutputStreamOperator<R> mapPartition(MapPartitionFunction<T, R> mapPartitionFunction) {
        return apply(PartitionBodies.mapPartition(mapPartitionFunction),
                TypeExtractor.typeArgument(mapPartitionFunction, MapPartitionFunction.class, 1));
    }

    @Override
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reduceFunction) {
        return apply(PartitionBodies.reduce(reduceFunction), input.getType());
    }

    @Override
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregateFunction) {
        return apply(PartitionBodies.aggregate(aggregateFunction),
                TypeExtractor.typeArgument(aggregateFunction, AggregateFunction.class, 2));
    }

    @Override
    public SingleOutputStreamOperator<T> sortPartition(int field, Order order) {
        return apply(PartitionBodies.sort(PartitionBodies.tupleField(field), order), input.getType());
    }

    @Override
    public SingleOutputStreamOperator<T> sortPartition(String field, Order order) {
        return apply(PartitionBodies.sort(PartitionBodies.namedField(field), order), input.getType());
    }

    @Override
    public <K> SingleOutputStreamOperator<T> sortPartition(KeySelector<T, K> keySelector, Order order) {
        return apply(PartitionBodies.sort(keySelector, order), input.getType());
    }
}
