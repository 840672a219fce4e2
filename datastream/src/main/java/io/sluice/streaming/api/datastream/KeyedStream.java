package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.operators.FieldAggregators;
import io.sluice.datastream.runtime.operators.FieldAggregators.FieldRef;
import io.sluice.datastream.runtime.operators.KeyedProcessOperator;
import io.sluice.datastream.runtime.operators.KeyedReduceOperator;
import io.sluice.datastream.state.StateStore;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.CountTrigger;
import io.sluice.streaming.api.windowing.triggers.PurgingTrigger;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.datastream.runtime.operators.IntervalJoinOperator;
import io.sluice.streaming.api.functions.co.ProcessJoinFunction;
import io.sluice.util.OutputTag;
import java.time.Duration;
import java.util.List;

/**
 * A stream partitioned by key: operators applied to it see one key at a time and keep keyed state (and timers) per
 * key. {@code map}, {@code flatMap}, {@code filter} on it run with the record's key current, so rich functions can
 * use keyed state.
 */
public class KeyedStream<T, KEY> extends DataStream<T> {
    private final KeySelector<T, KEY> keySelector;
    private final TypeInformation<KEY> keyType;

    public KeyedStream(StreamExecutionEnvironment environment, StreamNode node, KeySelector<T, KEY> keySelector,
            TypeInformation<KEY> keyType) {
        super(environment, node);
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public KeySelector<T, KEY> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<KEY> getKeyType() {
        return keyType;
    }

    @Override
    protected KeySelector<?, ?> keySelector() {
        return keySelector;
    }

    @Override
    protected <R> SingleOutputStreamOperator<R> transform(String name, TypeInformation<?> type, ChainedOperator op) {
        return new SingleOutputStreamOperator<>(environment,
                new OperatorNode(name, type, op, List.of(node)).withKeyType(keyType));
    }

    /** A rolling reduction per key: emits the reduced value after each record (the final one per key in batch mode). */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", node.type(), new KeyedReduceOperator("Keyed Reduce", keySelector, reducer,
                StateStore.serializerOf(node.type())));
    }

    private SingleOutputStreamOperator<T> aggregate(String name, ReduceFunction<Object> f) {
        return transform(name, node.type(), new KeyedReduceOperator(name, keySelector, f,
                StateStore.serializerOf(node.type())));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate("Keyed Aggregation", FieldAggregators.sum(FieldRef.position(positionToSum)));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate("Keyed Aggregation", FieldAggregators.sum(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregate("Keyed Aggregation", FieldAggregators.min(FieldRef.position(positionToMin)));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate("Keyed Aggregation", FieldAggregators.min(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregate("Keyed Aggregation", FieldAggregators.max(FieldRef.position(positionToMax)));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate("Keyed Aggregation", FieldAggregators.max(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return minBy(positionToMinBy, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return aggregate("Keyed Aggregation", FieldAggregators.minBy(FieldRef.position(positionToMinBy), first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate("Keyed Aggregation", FieldAggregators.minBy(FieldRef.name(field), first));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return maxBy(positionToMaxBy, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return aggregate("Keyed Aggregation", FieldAggregators.maxBy(FieldRef.position(positionToMaxBy), first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate("Keyed Aggregation", FieldAggregators.maxBy(FieldRef.name(field), first));
    }

    /** Processes each record with keyed state and timers of its key. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> keyedProcessFunction) {
        return process(keyedProcessFunction,
                cast(TypeExtractor.typeArgument(keyedProcessFunction, KeyedProcessFunction.class, 2)));
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> keyedProcessFunction,
            TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType,
                new KeyedProcessOperator("KeyedProcess", keySelector, keyedProcessFunction));
    }

    /** Windows per key. */
    /**
     * The records of each key collected into one window that closes when the input ends (for bounded inputs):
     * {@code mapPartition}, {@code reduce}, {@code aggregate} or {@code sortPartition} then process each key's
     * records at once.
     */
    @Override
    public PartitionWindowedStream<T> fullWindowPartition() {
        return new KeyedPartitionWindowedStream<>(this);
    }

    public <W extends Window> WindowedStream<T, KEY, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Tumbling windows of {@code size} records per key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size) {
        return window((WindowAssigner) GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows: every {@code slide} records of a key, its last {@code size} records. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size, long slide) {
        return window((WindowAssigner) GlobalWindows.create())
                .evictor(io.sluice.streaming.api.windowing.evictors.CountEvictor.of(size))
                .trigger(CountTrigger.of(slide));
    }

    /** Joins with {@code otherStream} on the key within a time interval (continue with {@code between}). */
    public <T1> IntervalJoin<T, T1, KEY> intervalJoin(KeyedStream<T1, KEY> otherStream) {
        return new IntervalJoin<>(this, otherStream);
    }

    /** An interval join before its bounds are set. */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;
        private boolean processingTime;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = left;
            this.right = right;
        }

        /**
         * Joins in processing time. As in Flink, interval joins exist in event time only: {@link #between} then
         * throws {@link io.sluice.streaming.api.UnsupportedTimeCharacteristicException}.
         */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            processingTime = true;
            return this;
        }

        /** Joins by the records' timestamps (the default). */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            processingTime = false;
            return this;
        }

        /** Right records at {@code left + lowerBound .. left + upperBound} (inclusive) join. */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            if (processingTime) {
                throw new io.sluice.streaming.api.UnsupportedTimeCharacteristicException(
                        "Time-bounded stream joins are only supported in event time");
            }
            if (lowerBound == null || upperBound == null) {
                throw new NullPointerException("A time-bounded join needs a lower and an upper bound");
            }
            return new IntervalJoined<>(left, right, lowerBound.toMillis(), upperBound.toMillis());
        }
    }

    /** An interval join with its bounds; {@link #process} sets the join function. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private long lower;
        private long upper;
        private OutputTag<IN1> leftLate;
        private OutputTag<IN2> rightLate;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lower, long upper) {
            this.left = left;
            this.right = right;
            this.lower = lower;
            this.upper = upper;
        }

        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lower++;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upper--;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            leftLate = outputTag;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            rightLate = outputTag;
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            return process(processJoinFunction, cast(TypeExtractor.typeArgument(processJoinFunction,
                    ProcessJoinFunction.class, 2)));
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
                TypeInformation<OUT> outputType) {
            OperatorNode node = new OperatorNode("IntervalJoin", outputType, new IntervalJoinOperator("IntervalJoin",
                    left.getKeySelector(), right.getKeySelector(), lower, upper, processJoinFunction, leftLate,
                    rightLate), List.of(left.getNode(), right.getNode())).withKeyType(left.getKeyType());
            return new SingleOutputStreamOperator<>(left.getExecutionEnvironment(), node);
        }
    }
}
