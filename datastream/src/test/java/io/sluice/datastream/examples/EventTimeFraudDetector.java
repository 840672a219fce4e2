package io.sluice.datastream.examples;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.util.Collector;

/** The fraud detector with event-time timers: "within a minute" measured on the transactions' timestamps. */
public class EventTimeFraudDetector extends KeyedProcessFunction<Long, Transaction, Alert> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Boolean> flagState;
    private transient ValueState<Long> timerState;

    @Override
    public void open(OpenContext openContext) {
        flagState = getRuntimeContext().getState(new ValueStateDescriptor<>("flag", Types.BOOLEAN));
        timerState = getRuntimeContext().getState(new ValueStateDescriptor<>("timer-state", Types.LONG));
    }

    @Override
    public void processElement(Transaction t, Context ctx, Collector<Alert> out) throws Exception {
        if (flagState.value() != null) {
            if (t.getAmount() > 500.00) {
                Alert alert = new Alert();
                alert.setId(t.getAccountId());
                out.collect(alert);
            }
            ctx.timerService().deleteEventTimeTimer(timerState.value());
            timerState.clear();
            flagState.clear();
        }
        if (t.getAmount() < 1.00) {
            flagState.update(true);
            long timer = ctx.timestamp() + 60_000;
            ctx.timerService().registerEventTimeTimer(timer);
            timerState.update(timer);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) {
        timerState.clear();
        flagState.clear();
    }
}
