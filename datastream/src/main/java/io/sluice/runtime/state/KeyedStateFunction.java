package io.sluice.runtime.state;

import io.sluice.api.common.state.State;

/**
 * A function applied to the state of every key ({@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}).
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    /** Called with each key that has the state, and the state (scoped to that key). */
    void process(K key, S state) throws Exception;
}
