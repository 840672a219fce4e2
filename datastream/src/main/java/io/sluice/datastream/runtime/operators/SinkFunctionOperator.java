package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.streaming.api.functions.sink.legacy.SinkFunction;

/**
 * {@code DataStream.addSink(SinkFunction)}: calls the function for every record and emits nothing. The function's
 * operator state ({@code CheckpointedFunction}) is checkpointed with the chain; on a keyed stream a rich function's
 * keyed state is that of the record's key. At the end of the input the function is {@code finish}ed.
 */
@SuppressWarnings("deprecation")
public final class SinkFunctionOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final SinkFunction<Object> function;
    private transient ContextImpl ctx;

    /** On a keyed stream ({@code keySelector} not null) a rich function's state is that of the record's key. */
    @SuppressWarnings("unchecked")
    public SinkFunctionOperator(String name, KeySelector<?, ?> keySelector, SinkFunction<?> function) {
        super(name, new KeySelector<?, ?>[] {keySelector});
        this.function = (SinkFunction<Object>) function;
    }

    @Override
    public void open() throws Exception {
        ctx = new ContextImpl();
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        ctx.timestamp = timestamp;
        function.invoke(value, ctx);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        ctx.watermark = watermark;
        function.writeWatermark(new Watermark(watermark));
    }

    @Override
    public void endInput() throws Exception {
        function.finish();
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }

    private final class ContextImpl implements SinkFunction.Context {
        long timestamp;
        long watermark = Long.MIN_VALUE;

        @Override
        public long currentProcessingTime() {
            return context.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp;
        }
    }
}
