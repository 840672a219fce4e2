package io.sluice.datastream.state;

import io.sluice.api.common.state.AggregatingState;
import io.sluice.api.common.state.AggregatingStateDescriptor;
import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ReducingState;
import io.sluice.api.common.state.ReducingStateDescriptor;
import io.sluice.api.common.state.StateDescriptor;
import io.sluice.api.common.state.StateTtlConfig;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.types.DynamicSerializer;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Creates the DataStream API's keyed state on a {@link KeyedStateBackend}, in one namespace: {@link #scopeTo}
 * changes the namespace of every state created so far (a window's state follows the window being processed).
 * A state name registered twice returns the same state object.
 */
public final class StateStore<N> implements KeyedStateStore {
    private final KeyedStateBackend<Object> backend;
    private final StateSerializer<N> namespaceSerializer;
    private final String prefix;
    private final LongSupplier clock;
    private N namespace;
    private final Map<String, Object> states = new HashMap<>();

    /**
     * @param backend the keyed state, or null for functions on non-keyed streams (every getter then fails)
     * @param prefix prepended to state names (window state and global state of one operator must not clash)
     */
    public StateStore(KeyedStateBackend<Object> backend, StateSerializer<N> namespaceSerializer, N namespace,
            String prefix, LongSupplier clock) {
        this.backend = backend;
        this.namespaceSerializer = namespaceSerializer;
        this.namespace = namespace;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Scopes every state of this store to {@code namespace}. */
    @SuppressWarnings("unchecked")
    public void scopeTo(N namespace) {
        this.namespace = namespace;
        for (Object s : states.values()) {
            ((Scoped<N>) s).setCurrentNamespace(namespace);
        }
    }

    private KeyedStateBackend<Object> backend(StateDescriptor<?, ?> d) {
        if (backend == null) {
            throw new UnsupportedOperationException("Keyed state '" + d.getName() + "' can only be used on a keyed "
                    + "stream, i.e. in a function applied after keyBy()");
        }
        return backend;
    }

    private Ttl ttl(StateDescriptor<?, ?> d) {
        StateTtlConfig c = d.getTtlConfig();
        return c.isEnabled() ? new Ttl(c, clock) : null;
    }

    /** The serializer of a type information; the dynamic serializer when the type is unknown. */
    @SuppressWarnings("unchecked")
    public static <T> StateSerializer<T> serializerOf(TypeInformation<T> type) {
        return type == null ? DynamicSerializer.instance() : type.createSerializer(SerializerConfig.DEFAULT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StateSerializer<Object> stored(StateSerializer<?> s, Ttl ttl) {
        return ttl == null ? (StateSerializer<Object>) s : (StateSerializer) TtlValue.serializer(s);
    }

    /** The state {@code d} describes, whatever its kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object state(StateDescriptor<?, ?> d) {
        switch (d.getType()) {
            case VALUE:
                return getState((ValueStateDescriptor) d);
            case LIST:
                return getListState((ListStateDescriptor) d);
            case REDUCING:
                return getReducingState((ReducingStateDescriptor) d);
            case AGGREGATING:
                return getAggregatingState((AggregatingStateDescriptor) d);
            default:
                return getMapState((MapStateDescriptor) d);
        }
    }

    /** The name of state {@code d} in the keyed backend. */
    public String stateName(StateDescriptor<?, ?> d) {
        return name(d);
    }

    private String name(StateDescriptor<?, ?> d) {
        return prefix + d.getName();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return (ValueState<T>) states.computeIfAbsent(name(d), n -> valueState(d));
    }

    private <T> ValueStateImpl<N, T> valueState(StateDescriptor<?, T> d) {
        Ttl ttl = ttl(d);
        ValueStateImpl<N, T> s = new ValueStateImpl<>(backend(d).getValueState(name(d), namespaceSerializer, namespace,
                stored(serializerOf(d.getTypeInformation()), ttl)), ttl);
        return s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return (ListState<T>) states.computeIfAbsent(name(d), n -> {
            Ttl ttl = ttl(d);
            return new ListStateImpl<N, T>(backend(d).getListState(name(d), namespaceSerializer, namespace,
                    stored(serializerOf(d.getElementTypeInfo()), ttl)), ttl);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
        return (MapState<UK, UV>) states.computeIfAbsent(name(d), n -> {
            Ttl ttl = ttl(d);
            return new MapStateImpl<N, UK, UV>(backend(d).getMapState(name(d), namespaceSerializer, namespace,
                    (StateSerializer<Object>) serializerOf(d.getKeyTypeInfo()),
                    stored(serializerOf(d.getValueTypeInfo()), ttl)), ttl);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return (ReducingState<T>) states.computeIfAbsent(name(d),
                n -> new ReducingStateImpl<N, T>(valueState(d), d.getReduceFunction()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return (AggregatingState<IN, OUT>) states.computeIfAbsent(name(d),
                n -> new AggregatingStateImpl<N, IN, ACC, OUT>(valueState(d), d.getAggregateFunction()));
    }
}
