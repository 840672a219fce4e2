package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.KeyedTimers;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.TimeDomain;
import io.sluice.streaming.api.TimerService;
import io.sluice.streaming.api.functions.co.CoProcessFunction;
import io.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import io.sluice.util.OutputTag;

/**
 * {@code ConnectedStreams.process}: a {@link KeyedCoProcessFunction} on two keyed inputs (keyed state and timers of
 * the record's key, shared by both inputs), or a {@link CoProcessFunction} on non-keyed (or keyed) inputs.
 */
public final class CoProcessOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final KeyedCoProcessFunction<Object, Object, Object, Object> keyed;
    private final CoProcessFunction<Object, Object, Object> plain;
    private transient TimestampedCollector<Object> collector;
    private transient TimerService timerService;
    private transient KeyedTimers keyedTimers;
    private transient long timestamp;
    private transient TimeDomain domain;
    private transient long watermark;
    private transient Object keyedContext;
    private transient Object keyedTimerContext;
    private transient Object plainContext;
    private transient Object plainTimerContext;

    @SuppressWarnings("unchecked")
    public CoProcessOperator(String name, KeySelector<?, ?> key1, KeySelector<?, ?> key2,
            KeyedCoProcessFunction<?, ?, ?, ?> keyed, CoProcessFunction<?, ?, ?> plain) {
        super(name, key1, key2);
        this.keyed = (KeyedCoProcessFunction<Object, Object, Object, Object>) keyed;
        this.plain = (CoProcessFunction<Object, Object, Object>) plain;
    }

    @Override
    public void open() throws Exception {
        collector = output.collector();
        watermark = Long.MIN_VALUE;
        if (isKeyed()) {
            keyedTimers = new KeyedTimers(context);
            timerService = keyedTimers;
        } else {
            timerService = new io.sluice.streaming.api.TimerService() {
                @Override
                public long currentProcessingTime() {
                    return context.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return watermark;
                }

                @Override
                public void registerProcessingTimeTimer(long time) {
                    throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
                }

                @Override
                public void registerEventTimeTimer(long time) {
                    throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
                }

                @Override
                public void deleteProcessingTimeTimer(long time) {
                    throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
                }

                @Override
                public void deleteEventTimeTimer(long time) {
                    throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
                }
            };
        }
        if (keyed != null) {
            keyedContext = keyed.new Context() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public TimerService timerService() {
                    return timerService;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }

                @Override
                public Object getCurrentKey() {
                    return currentKey();
                }
            };
            keyedTimerContext = keyed.new OnTimerContext() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public TimerService timerService() {
                    return timerService;
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
            };
            StreamingRuntimeContext.open(keyed, context);
        } else {
            plainContext = plain.new Context() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public TimerService timerService() {
                    return timerService;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }
            };
            plainTimerContext = plain.new OnTimerContext() {
                @Override
                public Long timestamp() {
                    return ts();
                }

                @Override
                public TimerService timerService() {
                    return timerService;
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    SideOutputs.emit(output, outputTag, value, timestamp);
                }

                @Override
                public TimeDomain timeDomain() {
                    return domain;
                }
            };
            StreamingRuntimeContext.open(plain, context);
        }
    }

    private Long ts() {
        return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object value, long ts) throws Exception {
        setCurrentKey(input, value);
        timestamp = ts;
        if (keyed != null) {
            KeyedCoProcessFunction<Object, Object, Object, Object>.Context c =
                    (KeyedCoProcessFunction<Object, Object, Object, Object>.Context) keyedContext;
            if (input == 0) {
                keyed.processElement1(value, c, collector.at(ts));
            } else {
                keyed.processElement2(value, c, collector.at(ts));
            }
        } else {
            CoProcessFunction<Object, Object, Object>.Context c =
                    (CoProcessFunction<Object, Object, Object>.Context) plainContext;
            if (input == 0) {
                plain.processElement1(value, c, collector.at(ts));
            } else {
                plain.processElement2(value, c, collector.at(ts));
            }
        }
    }

    @Override
    public void processWatermark(long wm) throws Exception {
        watermark = Math.max(watermark, wm);
        if (keyedTimers != null && wm > keyedTimers.timers().currentWatermark()) {
            keyedTimers.timers().advanceWatermark(wm, (key, ns, time) -> fire(time, TimeDomain.EVENT_TIME, time));
        }
        output.emitWatermark(wm);
    }

    @SuppressWarnings("unchecked")
    private void fire(long time, TimeDomain d, long outTimestamp) throws Exception {
        timestamp = outTimestamp;
        domain = d;
        if (keyed != null) {
            keyed.onTimer(time, (KeyedCoProcessFunction<Object, Object, Object, Object>.OnTimerContext) keyedTimerContext,
                    collector.at(outTimestamp));
        } else {
            plain.onTimer(time, (CoProcessFunction<Object, Object, Object>.OnTimerContext) plainTimerContext,
                    collector.at(outTimestamp));
        }
    }

    @Override
    public boolean wantsProcessingTime() {
        return isKeyed();
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        io.sluice.runtime.state.keyed.TimerService<Object, VoidNamespace> t = keyedTimers.timers();
        if (t.nextProcessingTime() <= now) {
            t.advanceProcessingTime(now, (key, ns, time) -> fire(time, TimeDomain.PROCESSING_TIME,
                    RecordBatches.NO_TIMESTAMP));
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(keyed != null ? keyed : plain);
    }
}
