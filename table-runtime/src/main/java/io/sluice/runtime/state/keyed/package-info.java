/**
 * Keyed state: state that belongs to one key of a keyed stream, organised in key groups so that a checkpoint
 * taken at one parallelism restores at another.
 *
 * <p>A {@link io.sluice.runtime.state.keyed.KeyedStateBackend} holds the state of one parallel operator instance
 * for the key groups of its {@link io.sluice.runtime.state.keyed.KeyGroupRange}. The operator sets the current key
 * (and with it the current key group) before it reads or writes state; value, list and map states and the
 * {@link io.sluice.runtime.state.keyed.TimerService timers} then act on that key. Two backends implement it: the
 * heap backend here ({@code state.backend.type: hashmap}) and the embedded RocksDB backend in the
 * {@code state-rocksdb} module ({@code rocksdb}), found through {@link java.util.ServiceLoader}.
 *
 * <p>Both backends write the same snapshot format ({@link io.sluice.runtime.state.keyed.KeyedSnapshotFormat}):
 * serialized entries grouped by key group, so a snapshot of either backend restores into either backend, at any
 * parallelism up to {@code pipeline.max-parallelism}.
 */
package io.sluice.runtime.state.keyed;
