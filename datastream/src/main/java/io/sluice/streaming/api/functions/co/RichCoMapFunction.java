package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with a life cycle and a runtime context (keyed state when both inputs are keyed). */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
