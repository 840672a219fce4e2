package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/** Processes the records of two connected streams. */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What the process methods can see and do. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} can see and do. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
