package io.sluice.datastream.runtime.window;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.datastream.types.DynamicSerializer;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.List;

/**
 * What a window keeps of its records: all of them (for a window function that sees every record), a running
 * reduction, or an aggregate accumulator. Kept in keyed state with the window as namespace.
 */
public abstract class WindowContents implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String STATE = "window-contents";

    abstract void open(KeyedStateBackend<Object> backend, StateSerializer<Window> windowSerializer, Window initial);

    abstract void add(Window window, Object value) throws Exception;

    /** Adds a record with its timestamp ({@code Long.MIN_VALUE}: none); only evicting contents keep it. */
    void add(Window window, Object value, long timestamp) throws Exception {
        add(window, value);
    }

    /** Gives contents that need them (evictors) the clocks of the operator. */
    void bindClocks(java.util.function.LongSupplier processingTime, java.util.function.LongSupplier watermark) {
    }

    /**
     * Contents with an evictor: all records with their timestamps; {@code reduce} or {@code aggregate} (at most
     * one, else the window function sees all records left) run over the records left when the window fires.
     */
    public static WindowContents evicting(io.sluice.streaming.api.windowing.evictors.Evictor<?, ?> evictor,
            StateSerializer<?> serializer, ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> aggregate) {
        return new EvictingContents(evictor, serializer, reduce, aggregate);
    }

    /** The records handed to the window function, or null when the window is empty. */
    abstract Iterable<Object> get(Window window) throws Exception;

    abstract void clear(Window window);

    /** Moves the contents of {@code from} into {@code into} (merging windows). */
    abstract void merge(Window from, Window into) throws Exception;

    /** Every record, in arrival order. */
    public static WindowContents all(StateSerializer<?> serializer) {
        return new All(serializer);
    }

    public static WindowContents reduce(ReduceFunction<?> function, StateSerializer<?> serializer) {
        return new Reduce(function, serializer);
    }

    public static WindowContents aggregate(AggregateFunction<?, ?, ?> function) {
        return new Aggregate(function);
    }

    /** The function inside, to open and close as a rich function (null when none). */
    io.sluice.api.common.functions.Function function() {
        return null;
    }

    private static final class All extends WindowContents {
        private static final long serialVersionUID = 1L;
        private final StateSerializer<Object> serializer;
        private transient KeyedListState<Window, Object> state;

        @SuppressWarnings("unchecked")
        All(StateSerializer<?> serializer) {
            this.serializer = (StateSerializer<Object>) serializer;
        }

        @Override
        void open(KeyedStateBackend<Object> backend, StateSerializer<Window> windowSerializer, Window initial) {
            state = backend.getListState(STATE, windowSerializer, initial, serializer);
        }

        @Override
        void add(Window window, Object value) {
            state.setCurrentNamespace(window);
            state.add(value);
        }

        @Override
        Iterable<Object> get(Window window) {
            state.setCurrentNamespace(window);
            List<Object> values = state.get();
            return values.isEmpty() ? null : List.copyOf(values);
        }

        @Override
        void clear(Window window) {
            state.setCurrentNamespace(window);
            state.clear();
        }

        @Override
        void merge(Window from, Window into) {
            state.setCurrentNamespace(from);
            List<Object> values = List.copyOf(state.get());
            state.clear();
            state.setCurrentNamespace(into);
            state.addAll(values);
        }
    }

    private static final class Reduce extends WindowContents {
        private static final long serialVersionUID = 1L;
        private final ReduceFunction<Object> function;
        private final StateSerializer<Object> serializer;
        private transient KeyedValueState<Window, Object> state;

        @SuppressWarnings("unchecked")
        Reduce(ReduceFunction<?> function, StateSerializer<?> serializer) {
            this.function = (ReduceFunction<Object>) function;
            this.serializer = (StateSerializer<Object>) serializer;
        }

        @Override
        io.sluice.api.common.functions.Function function() {
            return function;
        }

        @Override
        void open(KeyedStateBackend<Object> backend, StateSerializer<Window> windowSerializer, Window initial) {
            state = backend.getValueState(STATE, windowSerializer, initial, serializer);
        }

        @Override
        void add(Window window, Object value) throws Exception {
            state.setCurrentNamespace(window);
            Object current = state.value();
            state.update(current == null ? value : function.reduce(current, value));
        }

        @Override
        Iterable<Object> get(Window window) {
            state.setCurrentNamespace(window);
            Object v = state.value();
            return v == null ? null : java.util.Collections.singletonList(v);
        }

        @Override
        void clear(Window window) {
            state.setCurrentNamespace(window);
            state.clear();
        }

        @Override
        void merge(Window from, Window into) throws Exception {
            state.setCurrentNamespace(from);
            Object v = state.value();
            state.clear();
            if (v != null) {
                add(into, v);
            }
        }
    }

    private static final class Aggregate extends WindowContents {
        private static final long serialVersionUID = 1L;
        private final AggregateFunction<Object, Object, Object> function;
        private transient KeyedValueState<Window, Object> state;

        @SuppressWarnings("unchecked")
        Aggregate(AggregateFunction<?, ?, ?> function) {
            this.function = (AggregateFunction<Object, Object, Object>) function;
        }

        @Override
        io.sluice.api.common.functions.Function function() {
            return function;
        }

        @Override
        void open(KeyedStateBackend<Object> backend, StateSerializer<Window> windowSerializer, Window initial) {
            state = backend.getValueState(STATE, windowSerializer, initial, DynamicSerializer.instance());
        }

        @Override
        void add(Window window, Object value) {
            state.setCurrentNamespace(window);
            Object acc = state.value();
            if (acc == null) {
                acc = function.createAccumulator();
            }
            state.update(function.add(value, acc));
        }

        @Override
        Iterable<Object> get(Window window) {
            state.setCurrentNamespace(window);
            Object acc = state.value();
            return acc == null ? null : java.util.Collections.singletonList(function.getResult(acc));
        }

        @Override
        void clear(Window window) {
            state.setCurrentNamespace(window);
            state.clear();
        }

        @Override
        void merge(Window from, Window into) {
            state.setCurrentNamespace(from);
            Object a = state.value();
            state.clear();
            if (a == null) {
                return;
            }
            state.setCurrentNamespace(into);
            Object b = state.value();
            state.update(b == null ? a : function.merge(a, b));
        }
    }
}
