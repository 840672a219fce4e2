package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.runtime.operators.FieldAggregators;
import io.sluice.datastream.runtime.operators.FieldAggregators.FieldRef;
import io.sluice.datastream.runtime.window.WindowContents;
import io.sluice.datastream.runtime.window.WindowFunctions;
import io.sluice.datastream.runtime.window.WindowOperator;
import io.sluice.datastream.state.StateStore;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.functions.windowing.WindowFunction;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.OutputTag;
import java.time.Duration;

/** Windows of a keyed stream, before their function is set. */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = assigner;
    }

    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = trigger;
        return this;
    }

    /** Keeps windows for this long after the watermark passed their end; late records fire them again. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative.");
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends records that arrive after their windows were removed to this side output. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = outputTag;
        return this;
    }

    /**
     * Evicts records from the windows when they fire, before and/or after the window function. With an evictor a
     * window keeps all its records (also for {@code reduce}/{@code aggregate}, which then run when it fires).
     */
    public WindowedStream<T, K, W> evictor(io.sluice.streaming.api.windowing.evictors.Evictor<? super T, ? super W>
            evictor) {
        this.evictor = evictor;
        return this;
    }

    private io.sluice.streaming.api.windowing.evictors.Evictor<? super T, ? super W> evictor;

    /** The contents for a window function over all records, a reduction or an aggregation, honouring the evictor. */
    private WindowContents contents(WindowContents plain, ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> agg) {
        return evictor == null ? plain
                : WindowContents.evicting(evictor, StateStore.serializerOf(input.getType()), reduce, agg);
    }

    private <R> SingleOutputStreamOperator<R> build(String name, TypeInformation<?> type, WindowContents contents,
            WindowFunctions function) {
        String full = "Window(" + assigner + ", " + name + ")";
        return input.transform(full, type, new WindowOperator(full, input.getKeySelector(), assigner, trigger,
                allowedLateness, lateDataOutputTag, contents, function));
    }

    private WindowContents all() {
        return contents(WindowContents.all(StateStore.serializerOf(input.getType())), null, null);
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return build("ReduceFunction", input.getType(), contents(WindowContents.reduce(function,
                StateStore.serializerOf(input.getType())), function, null), WindowFunctions.passThrough());
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            WindowFunction<T, R, K, W> function) {
        return build("ReduceFunction", TypeExtractor.typeArgument(function, WindowFunction.class, 1),
                contents(WindowContents.reduce(reduceFunction, StateStore.serializerOf(input.getType())),
                        reduceFunction, null),
                WindowFunctions.of(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function) {
        return build("ReduceFunction", TypeExtractor.typeArgument(function, ProcessWindowFunction.class, 1),
                contents(WindowContents.reduce(reduceFunction, StateStore.serializerOf(input.getType())),
                        reduceFunction, null),
                WindowFunctions.of(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return build("AggregateFunction", TypeExtractor.typeArgument(function, AggregateFunction.class, 2),
                contents(WindowContents.aggregate(function), null, function), WindowFunctions.passThrough());
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            WindowFunction<V, R, K, W> windowFunction) {
        return build("AggregateFunction", TypeExtractor.typeArgument(windowFunction, WindowFunction.class, 1),
                contents(WindowContents.aggregate(aggFunction), null, aggFunction),
                WindowFunctions.of(windowFunction));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        return build("AggregateFunction",
                TypeExtractor.typeArgument(windowFunction, ProcessWindowFunction.class, 1),
                contents(WindowContents.aggregate(aggFunction), null, aggFunction),
                WindowFunctions.of(windowFunction));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("ProcessWindowFunction", TypeExtractor.typeArgument(function, ProcessWindowFunction.class, 1),
                all(), WindowFunctions.of(function));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return build("WindowFunction", TypeExtractor.typeArgument(function, WindowFunction.class, 1), all(),
                WindowFunctions.of(function));
    }

    @SuppressWarnings("unchecked")
    private SingleOutputStreamOperator<T> fieldAggregate(ReduceFunction<Object> f) {
        return reduce((ReduceFunction<T>) (ReduceFunction<?>) f);
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return fieldAggregate(FieldAggregators.sum(FieldRef.position(positionToSum)));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return fieldAggregate(FieldAggregators.sum(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return fieldAggregate(FieldAggregators.min(FieldRef.position(positionToMin)));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return fieldAggregate(FieldAggregators.min(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return fieldAggregate(FieldAggregators.max(FieldRef.position(positionToMax)));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return fieldAggregate(FieldAggregators.max(FieldRef.name(field)));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return fieldAggregate(FieldAggregators.minBy(FieldRef.position(positionToMinBy), true));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return fieldAggregate(FieldAggregators.minBy(FieldRef.name(field), true));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return fieldAggregate(FieldAggregators.maxBy(FieldRef.position(positionToMaxBy), true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return fieldAggregate(FieldAggregators.maxBy(FieldRef.name(field), true));
    }
}
