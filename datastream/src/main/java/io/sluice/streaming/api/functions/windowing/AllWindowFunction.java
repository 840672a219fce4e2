package io.sluice.streaming.api.functions.windowing;

import io.sluice.api.common.functions.Function;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;

/** Computes the result of a window of a non-keyed stream. */
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
