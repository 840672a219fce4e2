package io.sluice.streaming.api.functions.windowing;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/** Computes a window's result from all its records (or from the pre-aggregated value of an incremental function). */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when a window is purged; clears per-window state. */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} can see. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of the key scoped to this window. */
        public abstract KeyedStateStore windowState();

        /** State of the key shared by all its windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
