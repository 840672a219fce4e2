package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.functions.windowing.AllWindowFunction;
import io.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.functions.windowing.WindowFunction;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;
import java.time.Duration;

/**
 * Windows over a whole non-keyed stream. Sluice runs them as windows of one constant key, so all records meet in
 * one parallel instance, as in Flink.
 */
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Integer, W> windowed;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        KeySelector<T, Integer> constant = v -> 0;
        this.windowed = input.keyBy(constant, Types.INT).window(assigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    /** Evicts records from the windows when they fire (see {@link WindowedStream#evictor}). */
    public AllWindowedStream<T, W> evictor(io.sluice.streaming.api.windowing.evictors.Evictor<? super T, ? super W>
            evictor) {
        windowed.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return windowed.reduce(function);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return windowed.aggregate(function);
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        WindowFunction<T, R, Integer, W> f = new AllAsKeyed<>(function);
        return windowed.apply(f).returns(DataStream.cast(TypeExtractor.typeArgument(function,
                AllWindowFunction.class, 1)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        ProcessWindowFunction<T, R, Integer, W> f = new ProcessAllAsKeyed<>(function);
        return windowed.process(f).returns(DataStream.cast(TypeExtractor.typeArgument(function,
                ProcessAllWindowFunction.class, 1)));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return windowed.sum(positionToSum);
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return windowed.sum(field);
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return windowed.min(position);
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return windowed.max(position);
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return windowed.minBy(position);
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return windowed.maxBy(position);
    }

    /** An all-window function called as a keyed one. */
    private static final class AllAsKeyed<T, R, W extends Window> implements WindowFunction<T, R, Integer, W> {
        private static final long serialVersionUID = 1L;
        private final AllWindowFunction<T, R, W> f;

        AllAsKeyed(AllWindowFunction<T, R, W> f) {
            this.f = f;
        }

        @Override
        public void apply(Integer key, W window, Iterable<T> input, Collector<R> out) throws Exception {
            f.apply(window, input, out);
        }
    }

    /** A process-all-window function called as a keyed one (its rich life cycle is passed on). */
    private static final class ProcessAllAsKeyed<T, R, W extends Window> extends ProcessWindowFunction<T, R, Integer, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessAllWindowFunction<T, R, W> f;

        ProcessAllAsKeyed(ProcessAllWindowFunction<T, R, W> f) {
            this.f = f;
        }

        @Override
        public void setRuntimeContext(io.sluice.api.common.functions.RuntimeContext context) {
            super.setRuntimeContext(context);
            f.setRuntimeContext(context);
        }

        @Override
        public void open(io.sluice.api.common.functions.OpenContext openContext) throws Exception {
            f.open(openContext);
        }

        @Override
        public void close() throws Exception {
            f.close();
        }

        private ProcessAllWindowFunction<T, R, W>.Context all(Context ctx) {
            return f.new Context() {
                @Override
                public W window() {
                    return ctx.window();
                }

                @Override
                public io.sluice.api.common.state.KeyedStateStore windowState() {
                    return ctx.windowState();
                }

                @Override
                public io.sluice.api.common.state.KeyedStateStore globalState() {
                    return ctx.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    ctx.output(outputTag, value);
                }
            };
        }

        @Override
        public void process(Integer key, Context ctx, Iterable<T> elements, Collector<R> out) throws Exception {
            f.process(all(ctx), elements, out);
        }

        @Override
        public void clear(Context ctx) throws Exception {
            f.clear(all(ctx));
        }
    }
}
