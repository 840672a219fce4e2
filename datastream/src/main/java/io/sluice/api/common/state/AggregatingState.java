package io.sluice.api.common.state;

/** An accumulator per key driven by an {@link io.sluice.api.common.functions.AggregateFunction}. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {
}
