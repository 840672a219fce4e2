package io.sluice.datastream.state;

import io.sluice.api.common.state.ValueState;
import io.sluice.runtime.state.keyed.KeyedValueState;

/** A {@link ValueState} on a backend value state, with optional time-to-live. */
final class ValueStateImpl<N, T> implements ValueState<T>, Scoped<N> {
    private final KeyedValueState<N, Object> state;
    private final Ttl ttl;

    ValueStateImpl(KeyedValueState<N, Object> state, Ttl ttl) {
        this.state = state;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        state.setCurrentNamespace(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        Object v = state.value();
        if (ttl == null || v == null) {
            return (T) v;
        }
        TtlValue<T> t = (TtlValue<T>) v;
        if (ttl.expired(t)) {
            state.clear();
            return ttl.returnExpired() ? t.value() : null;
        }
        if (ttl.refreshOnRead()) {
            state.update(new TtlValue<>(t.value(), ttl.now()));
        }
        return t.value();
    }

    @Override
    public void update(T value) {
        if (value == null) {
            state.clear();
        } else {
            state.update(ttl == null ? value : new TtlValue<>(value, ttl.now()));
        }
    }

    @Override
    public void clear() {
        state.clear();
    }
}
