package io.sluice.streaming.api.functions.async;

import io.sluice.api.common.functions.AbstractRichFunction;

/** An {@link AsyncFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
