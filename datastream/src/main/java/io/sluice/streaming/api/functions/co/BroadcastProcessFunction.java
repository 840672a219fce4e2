package io.sluice.streaming.api.functions.co;

import io.sluice.util.Collector;

/** Processes a non-keyed stream connected with a broadcast stream. */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;
}
