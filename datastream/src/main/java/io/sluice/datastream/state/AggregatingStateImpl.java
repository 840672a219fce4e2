package io.sluice.datastream.state;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.state.AggregatingState;

/** An {@link AggregatingState}: a value state holding the accumulator. */
final class AggregatingStateImpl<N, IN, ACC, OUT> implements AggregatingState<IN, OUT>, Scoped<N> {
    private final ValueStateImpl<N, ACC> value;
    private final AggregateFunction<IN, ACC, OUT> function;

    AggregatingStateImpl(ValueStateImpl<N, ACC> value, AggregateFunction<IN, ACC, OUT> function) {
        this.value = value;
        this.function = function;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        value.setCurrentNamespace(namespace);
    }

    @Override
    public OUT get() {
        ACC acc = value.value();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN v) {
        ACC acc = value.value();
        if (acc == null) {
            acc = function.createAccumulator();
        }
        value.update(function.add(v, acc));
    }

    @Override
    public void clear() {
        value.clear();
    }
}
