package io.sluice.streaming.api.functions;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/**
 * Processes each record of a keyed stream, with keyed state (through the runtime context) and timers of the
 * record's key.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer of a key fires; state access applies to that key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What {@link #processElement} can see and do. */
    public abstract class Context {
        /** The record's timestamp (or the timer's time), or null when it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the record being processed. */
        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} can see and do. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        /** The key of the timer that fired. */
        @Override
        public abstract K getCurrentKey();
    }
}
