package io.sluice.datastream.runtime.window;

import io.sluice.api.common.state.AggregatingStateDescriptor;
import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MergingState;
import io.sluice.api.common.state.ReducingStateDescriptor;
import io.sluice.api.common.state.State;
import io.sluice.api.common.state.StateDescriptor;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.datastream.runtime.operators.KeyedOperator;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.triggers.TriggerResult;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.streaming.api.windowing.windows.TimeWindow;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Windows of a keyed stream: assigns each record to windows, keeps their contents in keyed state (the window is the
 * namespace), asks the trigger when to evaluate and purge, and calls the window function. A record whose windows
 * are all past the watermark plus the allowed lateness is late: it goes to the late-data side output if one is set,
 * else it is dropped. Window state is removed at the window's cleanup time (end + allowed lateness). Session
 * windows merge: the active windows of a key are kept in state, and merging moves contents, trigger state and
 * timers into the merged window.
 *
 * <p><b>Streaming semantics:</b> results carry the window's last timestamp ({@code end - 1}); watermarks are passed
 * on after the timers they reach have fired. Contents, trigger state and timers are checkpointed with keyed state.
 */
public final class WindowOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final long allowedLateness;
    private final OutputTag<Object> lateDataTag;
    private final WindowContents contents;
    private final WindowFunctions function;
    private transient StateSerializer<Window> windowSerializer;
    private transient TimerService<Object, Window> timers;
    private transient KeyedValueState<VoidNamespace, Object> mergingWindows;
    private transient StateStore<Window> triggerState;
    private transient StateStore<Window> windowState;
    private transient StateStore<VoidNamespace> globalState;
    private transient TimestampedCollector<Object> collector;
    private transient TriggerCtx triggerCtx;
    private transient FunctionCtx functionCtx;
    private transient boolean eventTime;

    @SuppressWarnings("unchecked")
    public WindowOperator(String name, KeySelector<?, ?> keySelector, WindowAssigner<?, ?> assigner,
            Trigger<?, ?> trigger, long allowedLateness, OutputTag<?> lateDataTag, WindowContents contents,
            WindowFunctions function) {
        super(name, keySelector);
        this.assigner = (WindowAssigner<Object, Window>) assigner;
        this.trigger = (Trigger<Object, Window>) (trigger != null ? trigger : assigner.getDefaultTrigger());
        this.allowedLateness = allowedLateness;
        this.lateDataTag = (OutputTag<Object>) lateDataTag;
        this.contents = contents;
        this.function = function;
        if (assigner instanceof MergingWindowAssigner && !this.trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner cannot be used with a trigger that "
                    + "does not support merging.");
        }
    }

    private boolean merging() {
        return assigner instanceof MergingWindowAssigner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        eventTime = assigner.isEventTime();
        windowSerializer = WindowSerializers.forAssigner(assigner);
        Window initial = windowSerializer == WindowSerializers.GLOBAL_WINDOW ? GlobalWindow.get() : new TimeWindow(0, 0);
        var backend = context.keyedState();
        timers = backend.getTimerService("window-timers", windowSerializer);
        contents.open(backend, windowSerializer, initial);
        contents.bindClocks(context::currentProcessingTime, timers::currentWatermark);
        if (merging()) {
            mergingWindows = backend.getValueState("merging-windows",
                    (StateSerializer<Object>) (StateSerializer<?>) StateSerializers.listOf(windowSerializer));
        }
        triggerState = new StateStore<>(backend, windowSerializer, initial, "trigger/", context::currentProcessingTime);
        windowState = new StateStore<>(backend, windowSerializer, initial, "window-state/",
                context::currentProcessingTime);
        globalState = new StateStore<>(backend, StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE,
                "global-state/", context::currentProcessingTime);
        collector = output.collector();
        triggerCtx = new TriggerCtx();
        functionCtx = new FunctionCtx();
        if (contents.function() != null) {
            StreamingRuntimeContext.open(contents.function(), context);
        }
        if (function.function() != null) {
            StreamingRuntimeContext.open(function.function(), context);
        }
    }

    private long cleanupTime(Window w) {
        if (w instanceof GlobalWindow) {
            return Long.MAX_VALUE;
        }
        long t = w.maxTimestamp() + allowedLateness;
        return t >= w.maxTimestamp() ? t : Long.MAX_VALUE;
    }

    private boolean isWindowLate(Window w) {
        return eventTime && cleanupTime(w) <= timers.currentWatermark();
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        Collection<Window> windows = assigner.assignWindows(value, timestamp, new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return context.currentProcessingTime();
            }
        });
        boolean skipped = true;
        if (merging()) {
            @SuppressWarnings("unchecked")
            List<Window> active = mergingWindows.value() == null ? new ArrayList<>()
                    : new ArrayList<>((List<Window>) mergingWindows.value());
            for (Window w : windows) {
                Window actual = addToMerging(active, w);
                if (isWindowLate(actual)) {
                    active.remove(actual);
                    continue;
                }
                skipped = false;
                contents.add(actual, value, timestamp);
                onElement(value, timestamp, actual);
            }
            mergingWindows.update(active.isEmpty() ? null : active);
        } else {
            for (Window w : windows) {
                if (isWindowLate(w)) {
                    continue;
                }
                skipped = false;
                contents.add(w, value, timestamp);
                onElement(value, timestamp, w);
            }
        }
        if (skipped && eventTime && timestamp + allowedLateness <= timers.currentWatermark()) {
            if (lateDataTag != null) {
                output.collect(lateDataTag, value, timestamp);
            }
        }
    }

    private void onElement(Object value, long timestamp, Window w) throws Exception {
        triggerCtx.window = w;
        TriggerResult r = trigger.onElement(value, timestamp, w, triggerCtx);
        act(r, w);
        registerCleanupTimer(w);
    }

    private void act(TriggerResult r, Window w) throws Exception {
        if (r.isFire()) {
            Iterable<Object> c = contents.get(w);
            if (c != null) {
                emit(w, c);
            }
        }
        if (r.isPurge()) {
            contents.clear(w);
        }
    }

    /** Adds {@code w} to the active windows, merging where they overlap; returns the window {@code w} ended in. */
    private Window addToMerging(List<Window> active, Window w) throws Exception {
        List<Window> candidates = new ArrayList<>(active);
        if (!candidates.contains(w)) {
            candidates.add(w);
        }
        Window[] result = {w};
        List<Exception> failures = new ArrayList<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        MergingWindowAssigner<Object, Window> m = (MergingWindowAssigner) assigner;
        m.mergeWindows(candidates, (toBeMerged, mergeResult) -> {
            try {
                if (toBeMerged.contains(w)) {
                    result[0] = mergeResult;
                }
                List<Window> merged = new ArrayList<>();
                for (Window old : toBeMerged) {
                    active.remove(old);
                    if (!old.equals(mergeResult) && !old.equals(w)) {
                        merged.add(old);
                    }
                }
                active.add(mergeResult);
                for (Window old : merged) {
                    contents.merge(old, mergeResult);
                    triggerCtx.window = old;
                    trigger.clear(old, triggerCtx);
                    deleteCleanupTimer(old);
                }
                triggerCtx.window = mergeResult;
                triggerCtx.mergedWindows = merged;
                trigger.onMerge(mergeResult, triggerCtx);
                triggerCtx.mergedWindows = List.of();
            } catch (Exception e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        if (!active.contains(result[0])) {
            active.add(result[0]);
        }
        return result[0];
    }

    private void registerCleanupTimer(Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.registerEventTimeTimer(w, t);
        } else {
            timers.registerProcessingTimeTimer(w, t);
        }
    }

    private void deleteCleanupTimer(Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(w, t);
        } else {
            timers.deleteProcessingTimeTimer(w, t);
        }
    }

    private void emit(Window w, Iterable<Object> c) throws Exception {
        functionCtx.window = w;
        function.process(currentKey(), w, c, functionCtx, collector.at(w.maxTimestamp()));
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark > timers.currentWatermark()) {
            timers.advanceWatermark(watermark, (key, w, time) -> onTimer(w, time, true));
        }
        output.emitWatermark(watermark);
    }

    @Override
    public boolean wantsProcessingTime() {
        return true;
    }

    @Override
    public void onProcessingTime(long now) throws Exception {
        if (timers.nextProcessingTime() <= now) {
            timers.advanceProcessingTime(now, (key, w, time) -> onTimer(w, time, false));
        }
    }

    @SuppressWarnings("unchecked")
    private void onTimer(Window w, long time, boolean eventTimer) throws Exception {
        List<Window> active = null;
        if (merging()) {
            active = mergingWindows.value() == null ? new ArrayList<>() : new ArrayList<>((List<Window>) mergingWindows.value());
            if (!active.contains(w)) {
                return; // a timer of a window that was merged away
            }
        }
        triggerCtx.window = w;
        TriggerResult r = eventTimer ? trigger.onEventTime(time, w, triggerCtx)
                : trigger.onProcessingTime(time, w, triggerCtx);
        act(r, w);
        if (eventTimer == eventTime && time == cleanupTime(w)) {
            contents.clear(w);
            trigger.clear(w, triggerCtx);
            functionCtx.window = w;
            function.clear(currentKey(), w, functionCtx);
            if (active != null) {
                active.remove(w);
                mergingWindows.update(active.isEmpty() ? null : active);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (contents.function() != null) {
            StreamingRuntimeContext.close(contents.function());
        }
        if (function.function() != null) {
            StreamingRuntimeContext.close(function.function());
        }
    }

    private final class TriggerCtx implements Trigger.OnMergeContext {
        Window window;
        List<Window> mergedWindows = List.of();

        @Override
        public long getCurrentProcessingTime() {
            return context.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(window, time);
        }

        @Override
        public io.sluice.metrics.MetricGroup getMetricGroup() {
            return context.metrics().userMetricGroup();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> d) {
            triggerState.scopeTo(window);
            return (S) stateOf(triggerState, d);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> d) {
            Window target = window;
            try {
                for (Window old : mergedWindows) {
                    triggerState.scopeTo(old);
                    MergingState s = (MergingState) stateOf(triggerState, d);
                    Object v = s.get();
                    s.clear();
                    if (v == null) {
                        continue;
                    }
                    triggerState.scopeTo(target);
                    MergingState t = (MergingState) stateOf(triggerState, d);
                    if (d instanceof ListStateDescriptor) {
                        for (Object o : (Iterable<?>) v) {
                            t.add(o);
                        }
                    } else if (d instanceof ReducingStateDescriptor) {
                        t.add(v);
                    } else {
                        throw new UnsupportedOperationException("not supported yet: merging "
                                + d.getClass().getSimpleName() + " trigger state");
                    }
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                triggerState.scopeTo(target);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object stateOf(KeyedStateStore store, StateDescriptor<?, ?> d) {
        switch (d.getType()) {
            case VALUE:
                return store.getState((io.sluice.api.common.state.ValueStateDescriptor) d);
            case LIST:
                return store.getListState((ListStateDescriptor) d);
            case REDUCING:
                return store.getReducingState((ReducingStateDescriptor) d);
            case AGGREGATING:
                return store.getAggregatingState((AggregatingStateDescriptor) d);
            default:
                return store.getMapState((io.sluice.api.common.state.MapStateDescriptor) d);
        }
    }

    private final class FunctionCtx implements WindowFunctions.Context {
        Window window;

        @Override
        public long currentProcessingTime() {
            return context.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            windowState.scopeTo(window);
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }

        @Override
        public void output(OutputTag<?> tag, Object value) {
            try {
                output.collect(tag, value, window.maxTimestamp());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new io.sluice.datastream.runtime.RecordEmitException(e);
            }
        }
    }

}
