package io.sluice.api.common.functions;

/** A {@link MapFunction} with a life cycle and a runtime context. */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
