package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.runtime.operators.AsyncWaitOperator;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.functions.async.AsyncFunction;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous I/O: applies an {@link AsyncFunction} to a stream, with at most {@code capacity} requests in flight
 * per parallel instance (100 by default) and a timeout per request. {@code orderedWait} emits the results in the
 * records' order, {@code unorderedWait} as the requests complete (a watermark still waits for the results of the
 * records before it).
 */
public final class AsyncDataStream {
    /** The default number of requests in flight per instance. */
    public static final int DEFAULT_QUEUE_CAPACITY = 100;

    private AsyncDataStream() {
    }

    /** Emits the results as the requests complete. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return add(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, false);
    }

    /** Emits the results as the requests complete, with at most {@code capacity} in flight. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, false);
    }

    /** Emits the results in the order of the records. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return add(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, true);
    }

    /** Emits the results in the order of the records, with at most {@code capacity} in flight. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return add(in, func, timeUnit.toMillis(timeout), capacity, true);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> add(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeoutMillis, int capacity, boolean ordered) {
        TypeInformation<?> type = TypeExtractor.typeArgument(func, AsyncFunction.class, 1);
        return new SingleOutputStreamOperator<>(in.getExecutionEnvironment(), new OperatorNode(
                "async wait operator", type, new AsyncWaitOperator("async wait operator", func, timeoutMillis,
                        capacity, ordered), List.of(in.getNode())));
    }
}
