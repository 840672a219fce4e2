package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.datastream.types.DynamicSerializer;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.functions.co.ProcessJoinFunction;
import io.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code KeyedStream.intervalJoin}: joins a left record at {@code t} with every right record of the same key at
 * {@code t + lower .. t + upper} (event time). Each side's records wait in keyed state (by timestamp) until the
 * watermark passes the last time a partner could arrive; records behind the watermark are late (dropped, or sent to
 * the side output of their input).
 *
 * <p><b>Streaming semantics:</b> insert-only; results carry {@code max(left, right)} timestamps; buffers and their
 * cleanup timers are checkpointed with keyed state.
 */
public final class IntervalJoinOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private static final String LEFT = "left";
    private static final String RIGHT = "right";
    private final long lower;
    private final long upper;
    private final ProcessJoinFunction<Object, Object, Object> function;
    private final OutputTag<Object> leftLateTag;
    private final OutputTag<Object> rightLateTag;
    private transient KeyedMapState<VoidNamespace, Object, Object> leftBuffer;
    private transient KeyedMapState<VoidNamespace, Object, Object> rightBuffer;
    private transient TimerService<Object, String> timers;
    private transient TimestampedCollector<Object> collector;
    private transient ContextImpl ctx;

    @SuppressWarnings("unchecked")
    public IntervalJoinOperator(String name, KeySelector<?, ?> key1, KeySelector<?, ?> key2, long lower, long upper,
            ProcessJoinFunction<?, ?, ?> function, OutputTag<?> leftLateTag, OutputTag<?> rightLateTag) {
        super(name, key1, key2);
        if (lower > upper) {
            throw new IllegalArgumentException("lowerBound <= upperBound must be fulfilled");
        }
        this.lower = lower;
        this.upper = upper;
        this.function = (ProcessJoinFunction<Object, Object, Object>) function;
        this.leftLateTag = (OutputTag<Object>) leftLateTag;
        this.rightLateTag = (OutputTag<Object>) rightLateTag;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        StateSerializer<Object> any = DynamicSerializer.instance();
        leftBuffer = context.keyedState().getMapState("interval-join-left", any, any);
        rightBuffer = context.keyedState().getMapState("interval-join-right", any, any);
        timers = context.keyedState().getTimerService("interval-join", StateSerializers.STRING);
        collector = output.collector();
        ctx = new ContextImpl(function);
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object value, long timestamp) throws Exception {
        if (timestamp == RecordBatches.NO_TIMESTAMP) {
            throw new IllegalStateException("Long.MIN_VALUE timestamp: an interval join needs event time (call "
                    + "assignTimestampsAndWatermarks on both inputs)");
        }
        setCurrentKey(input, value);
        boolean left = input == 0;
        if (timestamp < timers.currentWatermark()) {
            OutputTag<Object> tag = left ? leftLateTag : rightLateTag;
            if (tag != null) {
                output.collect(tag, value, timestamp);
            }
            return;
        }
        KeyedMapState<VoidNamespace, Object, Object> own = left ? leftBuffer : rightBuffer;
        KeyedMapState<VoidNamespace, Object, Object> other = left ? rightBuffer : leftBuffer;
        List<Object> bucket = (List<Object>) own.get(timestamp);
        bucket = bucket == null ? new ArrayList<>() : new ArrayList<>(bucket);
        bucket.add(value);
        own.put(timestamp, bucket);
        long from = left ? timestamp + lower : timestamp - upper;
        long to = left ? timestamp + upper : timestamp - lower;
        for (Map.Entry<Object, Object> e : other.entries()) {
            long t = (Long) e.getKey();
            if (t < from || t > to) {
                continue;
            }
            for (Object o : (List<Object>) e.getValue()) {
                if (left) {
                    emit(value, timestamp, o, t);
                } else {
                    emit(o, t, value, timestamp);
                }
            }
        }
        long keepFor = left ? Math.max(upper, 0) : Math.max(-lower, 0);
        timers.registerEventTimeTimer(left ? LEFT : RIGHT, timestamp + keepFor);
    }

    private void emit(Object l, long lt, Object r, long rt) throws Exception {
        ctx.left = lt;
        ctx.right = rt;
        function.processElement(l, r, ctx, collector.at(Math.max(lt, rt)));
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark > timers.currentWatermark()) {
            timers.advanceWatermark(watermark, (key, side, time) -> {
                boolean left = side.equals(LEFT);
                long keepFor = left ? Math.max(upper, 0) : Math.max(-lower, 0);
                (left ? leftBuffer : rightBuffer).remove(time - keepFor);
            });
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }

    private final class ContextImpl extends ProcessJoinFunction<Object, Object, Object>.Context {
        long left;
        long right;

        ContextImpl(ProcessJoinFunction<Object, Object, Object> f) {
            f.super();
        }

        @Override
        public long getLeftTimestamp() {
            return left;
        }

        @Override
        public long getRightTimestamp() {
            return right;
        }

        @Override
        public long getTimestamp() {
            return Math.max(left, right);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            SideOutputs.emit(output, outputTag, value, getTimestamp());
        }
    }
}
