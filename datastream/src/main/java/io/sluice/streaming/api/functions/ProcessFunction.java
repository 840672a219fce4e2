package io.sluice.streaming.api.functions;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/** Processes each record of a stream with access to its timestamp, the current times and side outputs. */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires (timers need a keyed stream). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What {@link #processElement} can see and do. */
    public abstract class Context {
        /** The record's timestamp, or null when it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} can see and do. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
