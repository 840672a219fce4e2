package io.sluice.streaming.api.functions.windowing;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/** Computes the result of a window of a non-keyed stream ({@code windowAll}). */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} can see. */
    public abstract class Context {
        public abstract W window();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
