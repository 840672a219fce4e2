package io.sluice.runtime.state.keyed;

/** The keyed-state contract on the heap backend. */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {
    @Override
    protected <K> KeyedStateBackend<K> create(StateSerializer<K> keySerializer, int maxParallelism,
            KeyGroupRange range) {
        return new HeapKeyedStateBackend<>(keySerializer, maxParallelism, range);
    }
}
