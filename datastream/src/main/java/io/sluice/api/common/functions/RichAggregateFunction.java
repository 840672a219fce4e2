package io.sluice.api.common.functions;

/** A {@link AggregateFunction} with a life cycle and a runtime context. */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction implements AggregateFunction<IN, ACC, OUT> {
    private static final long serialVersionUID = 1L;
}
