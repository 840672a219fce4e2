package io.sluice.streaming.api.functions.windowing;

import io.sluice.api.common.functions.Function;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;

/** Computes a window's result from the key, the window and its records. */
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
