package io.sluice.datastream.state;

import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.state.ReducingState;
import io.sluice.api.common.state.ValueState;

/** A {@link ReducingState}: a value state that each added value is reduced into. */
final class ReducingStateImpl<N, T> implements ReducingState<T>, Scoped<N> {
    private final ValueStateImpl<N, T> value;
    private final ReduceFunction<T> reduce;

    ReducingStateImpl(ValueStateImpl<N, T> value, ReduceFunction<T> reduce) {
        this.value = value;
        this.reduce = reduce;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        value.setCurrentNamespace(namespace);
    }

    @Override
    public T get() {
        return value.value();
    }

    @Override
    public void add(T v) throws Exception {
        T current = value.value();
        value.update(current == null ? v : reduce.reduce(current, v));
    }

    @Override
    public void clear() {
        value.clear();
    }

    ValueState<T> asValue() {
        return value;
    }
}
