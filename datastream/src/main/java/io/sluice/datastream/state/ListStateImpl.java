package io.sluice.datastream.state;

import io.sluice.api.common.state.ListState;
import io.sluice.runtime.state.keyed.KeyedListState;
import java.util.ArrayList;
import java.util.List;

/** A {@link ListState} on a backend list state; with time-to-live each element expires on its own. */
final class ListStateImpl<N, T> implements ListState<T>, Scoped<N> {
    private final KeyedListState<N, Object> state;
    private final Ttl ttl;

    ListStateImpl(KeyedListState<N, Object> state, Ttl ttl) {
        this.state = state;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        state.setCurrentNamespace(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        List<Object> stored = state.get();
        if (ttl == null) {
            return new ArrayList<>((List<T>) (List<?>) stored);
        }
        List<T> live = new ArrayList<>();
        List<Object> kept = new ArrayList<>();
        boolean changed = false;
        for (Object o : stored) {
            TtlValue<T> t = (TtlValue<T>) o;
            if (ttl.expired(t)) {
                changed = true;
                if (ttl.returnExpired()) {
                    live.add(t.value());
                }
            } else {
                live.add(t.value());
                kept.add(t);
            }
        }
        if (changed) {
            state.update(kept);
        }
        return live;
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ListState.");
        }
        state.add(wrap(value));
    }

    private Object wrap(T value) {
        return ttl == null ? value : new TtlValue<>(value, ttl.now());
    }

    @Override
    public void update(List<T> values) {
        List<Object> stored = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException("You cannot add null to a ListState.");
            }
            stored.add(wrap(v));
        }
        state.update(stored);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void clear() {
        state.clear();
    }
}
