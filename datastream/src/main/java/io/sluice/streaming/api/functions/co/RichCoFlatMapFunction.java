package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with a life cycle and a runtime context (keyed state when both inputs are keyed). */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
