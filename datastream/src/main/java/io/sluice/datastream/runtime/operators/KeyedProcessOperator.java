package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.KeyedTimers;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.util.OutputTag;

/**
 * {@code KeyedStream.process(KeyedProcessFunction)}: calls the function per record with the record's key current,
 * and {@code onTimer} when an event-time timer is reached by the watermark or a processing-time timer by the clock.
 * Records emitted from a timer carry the timer's time (event time) or no timestamp (processing time).
 */
public final class KeyedProcessOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final KeyedProcessFunction<Object, Object, Object> function;
    private transient TimestampedCollector<Object> collector;
    private transient KeyedTimers timers;
    private transient ContextImpl ctx;
    private transient TimerContext timerCtx;

    @SuppressWarnings("unchecked")
    public KeyedProcessOperator(String name, KeySelector<?, ?> keySelector, KeyedProcessFunction<?, ?, ?> function) {
        super(name, keySelector);
        this.function = (KeyedProcessFunction<Object, Object, Object>) function;
    }

    @Override
    public void open() throws Exception {
        collector = output.collector();
        timers = new KeyedTimers(context);
        ctx = new ContextImpl(function);
        timerCtx = new TimerContext(function);
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        ctx.timestamp = timestamp;
        function.processElement(value, ctx, collector.at(timestamp));
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark > timers.timers().currentWatermark()) {
            timers.timers().advanceWatermark(watermark, this::onEventTime);
        }
        output.emitWatermark(watermark);
    }

    private void onEventTime(Object key, VoidNamespace ns, long time) throws Exception {
        timerCtx.timestamp = time;
        timerCtx.domain = TimeDomain.EVENT_TIME;
        function.onTimer(time, timerCtx, collector.at(time));
    }

    @Override
    public boolean wantsProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        TimerService<Object, VoidNamespace> t = timers.timers();
        if (t.nextProcessingTime() <= now) {
            t.advanceProcessingTime(now, (key, ns, time) -> {
                timerCtx.timestamp = RecordBatches.NO_TIMESTAMP;
                timerCtx.domain = TimeDomain.PROCESSING_TIME;
                function.onTimer(time, timerCtx, collector.at(RecordBatches.NO_TIMESTAMP));
            });
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }

    private final class ContextImpl extends KeyedProcessFunction<Object, Object, Object>.Context {
        long timestamp;

        ContextImpl(KeyedProcessFunction<Object, Object, Object> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public io.sluice.streaming.api.TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            SideOutputs.emit(output, outputTag, value, timestamp);
        }

        @Override
        public Object getCurrentKey() {
            return currentKey();
        }
    }

    private final class TimerContext extends KeyedProcessFunction<Object, Object, Object>.OnTimerContext {
        long timestamp;
        TimeDomain domain;

        TimerContext(KeyedProcessFunction<Object, Object, Object> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public io.sluice.streaming.api.TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            SideOutputs.emit(output, outputTag, value, timestamp);
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public Object getCurrentKey() {
            return currentKey();
        }
    }
}
