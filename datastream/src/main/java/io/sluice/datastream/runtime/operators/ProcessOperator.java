package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.streaming.api.TimerService;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.util.OutputTag;

/** {@code DataStream.process(ProcessFunction)} on a non-keyed stream: no state, no timers, side outputs. */
public final class ProcessOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final ProcessFunction<Object, Object> function;
    private transient TimestampedCollector<Object> collector;
    private transient ContextImpl ctx;
    private transient long watermark;

    @SuppressWarnings("unchecked")
    public ProcessOperator(String name, ProcessFunction<?, ?> function) {
        this(name, null, function);
    }

    /** On a keyed stream ({@code keySelector} not null) a rich function's state is that of the record's key. */
    @SuppressWarnings("unchecked")
    public ProcessOperator(String name, KeySelector<?, ?> keySelector, ProcessFunction<?, ?> function) {
        super(name, new KeySelector<?, ?>[] {keySelector});
        this.function = (ProcessFunction<Object, Object>) function;
    }

    @Override
    public void open() throws Exception {
        collector = output.collector();
        watermark = Long.MIN_VALUE;
        ctx = new ContextImpl(function);
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
        this.watermark = watermark;
        super.processWatermark(watermark);
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }

    private final class ContextImpl extends ProcessFunction<Object, Object>.Context {
        long timestamp;

        ContextImpl(ProcessFunction<Object, Object> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public TimerService timerService() {
            return new TimerService() {
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

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            SideOutputs.emit(output, outputTag, value, timestamp);
        }
    }
}
