package io.sluice.api.common.state;

/** A value per key combined with a {@link io.sluice.api.common.functions.ReduceFunction} on every add. */
public interface ReducingState<T> extends MergingState<T, T> {
}
