package io.sluice.streaming.api.functions.co;

import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.util.Collector;

/** Processes a keyed stream connected with a broadcast stream, with keyed state and timers on the keyed side. */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** The keyed side's context: timers and the current key. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract KS getCurrentKey();
    }
}
