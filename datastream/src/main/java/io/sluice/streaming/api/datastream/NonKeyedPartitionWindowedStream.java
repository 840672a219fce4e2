package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.util.Collector;
import java.util.Iterator;

/**
 * {@link PartitionWindowedStream} of a stream that is not keyed: each parallel instance's records form a partition.
 * The records are tagged with the index of the instance that produced them and collected per tag in keyed window
 * state (so checkpoints keep them); the instance that processes a partition may be another one than its producer.
 */
public class NonKeyedPartitionWindowedStream<T> implements PartitionWindowedStream<T> {
    private final DataStream<T> input;

    NonKeyedPartitionWindowedStream(DataStream<T> input) {
        this.input = input;
    }

    /** Tags a record with the index of the instance it passes through. */
    private static final class TagWithSubtask<T> extends RichMapFunction<T, Tuple2<Integer, T>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Integer, T> map(T value) {
            return Tuple2.of(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value);
        }
    }

    /** Runs a body over the untagged records of one partition. */
    private static final class Untagged<T, R> implements PartitionBodies.Body<Tuple2<Integer, T>, R> {
        private static final long serialVersionUID = 1L;
        private final PartitionBodies.Body<T, R> body;

        Untagged(PartitionBodies.Body<T, R> body) {
            this.body = body;
        }

        @Override
        public void apply(Iterable<Tuple2<Integer, T>> values, Collector<R> out) throws Exception {
            body.apply(() -> new Iterator<T>() {
                private final Iterator<Tuple2<Integer, T>> it = values.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    return it.next().f1;
                }
            }, out);
        }

        @Override
        public Object function() {
            return body.function();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> SingleOutputStreamOperator<R> apply(PartitionBodies.Body<T, R> body, TypeInformation<?> type) {
        int parallelism = input.getParallelism();
        TypeInformation<?> recordType = input.getType();
        SingleOutputStreamOperator<Tuple2<Integer, T>> tagged = input.map(new TagWithSubtask<T>());
        if (recordType != null) {
            tagged = tagged.returns((TypeInformation) Types.TUPLE(Types.INT, recordType));
        }
        tagged.setParallelism(parallelism);
        SingleOutputStreamOperator<R> out = tagged.keyBy(t -> t.f0, Types.INT)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new PartitionBodies.Window<Tuple2<Integer, T>, R, Integer>(new Untagged<>(body)));
        out.setParallelism(parallelism);
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
