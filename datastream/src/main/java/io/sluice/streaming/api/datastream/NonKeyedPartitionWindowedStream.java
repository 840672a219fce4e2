package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.util.Collector;
import java.util.Iterator;

/**
 * {@link PartitionWindowedStream} of a stream that is not keyed: each parallel instance's records form a partition.
 * The records are tagged with the index of the instance that produced them and collected per tag in keyed window
 * state (so checkpoints keep them); the instance that processes a partition may be another one than its producer.
 */
public class NonKeyedPartitionWindowedStream<T> extends PartitionBodyStream<T> {
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

    @Override
    TypeInformation<T> inputType() {
        return input.getType();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    <R> SingleOutputStreamOperator<R> apply(PartitionBodies.Body<T, R> body, TypeInformation<?> type) {
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
}
