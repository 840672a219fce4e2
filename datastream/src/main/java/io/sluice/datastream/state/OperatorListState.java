package io.sluice.datastream.state;

import io.sluice.api.common.state.ListState;
import java.util.ArrayList;
import java.util.List;

/** A list of one operator instance's operator state, held on the heap and saved whole in each checkpoint. */
final class OperatorListState<T> implements ListState<T> {
    final List<T> values = new ArrayList<>();

    @Override
    public Iterable<T> get() {
        return values;
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ListState.");
        }
        values.add(value);
    }

    @Override
    public void update(List<T> newValues) {
        values.clear();
        if (newValues != null) {
            addAll(newValues);
        }
    }

    @Override
    public void addAll(List<T> newValues) {
        if (newValues != null) {
            for (T v : newValues) {
                add(v);
            }
        }
    }

    @Override
    public void clear() {
        values.clear();
    }
}
