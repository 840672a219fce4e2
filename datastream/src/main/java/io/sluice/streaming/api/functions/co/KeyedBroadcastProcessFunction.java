package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.state.State;
import io.sluice.api.common.state.StateDescriptor;
import io.sluice.runtime.state.KeyedStateFunction;
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

    /** The broadcast side's context: it may write the broadcast state and visit the keyed state of every key. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Calls {@code function} with each key of this instance that has state {@code stateDescriptor}, and that
         * state (scoped to the key): to update or clear the keyed state when a broadcast record arrives.
         */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception;
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
