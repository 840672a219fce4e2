package io.sluice.api.common.state;

import java.util.Set;

/**
 * Operator state: per parallel instance, named lists of elements saved in checkpoints. When the parallelism
 * changes, a {@link #getListState list state}'s elements of all instances are split evenly over the new instances;
 * a {@link #getUnionListState union list state} gives every new instance all of them.
 */
public interface OperatorStateStore {
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception;

    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    Set<String> getRegisteredStateNames();

    Set<String> getRegisteredBroadcastStateNames();
}
