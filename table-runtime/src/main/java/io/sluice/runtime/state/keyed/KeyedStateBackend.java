package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The keyed state of one parallel operator instance: the states it registers by name, for the keys of its
 * {@link #keyGroupRange() key groups}.
 *
 * <p><b>Contract.</b> Used from the operator's task thread only. {@link #restore} is called at most once, before
 * any state is registered. The operator calls {@link #setCurrentKey} before it touches state; every state and
 * timer service then reads and writes the entries of that key. Registering a name twice returns the same state;
 * registering it with another kind or other serializers fails. {@link #snapshot} is called between two inputs
 * (never while the operator processes one) and writes everything, including restored state of names not
 * registered since. {@link #close} releases files and native memory.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

    int maxParallelism();

    /** Serializes the keys (for snapshots, and for backends that keep bytes). */
    StateSerializer<K> keySerializer();

    KeyGroupRange keyGroupRange();

    /** Sets the current key; its key group comes from {@code key.hashCode()}. */
    void setCurrentKey(K key);

    /**
     * Sets the current key whose key group the caller computed (SQL operators hash key columns the way their
     * exchange does). The key group must be in {@link #keyGroupRange()}.
     */
    void setCurrentKey(K key, int keyGroup);

    K getCurrentKey();

    int getCurrentKeyGroup();

    <N, V> KeyedValueState<N, V> getValueState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> valueSerializer);

    <N, V> KeyedListState<N, V> getListState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> elementSerializer);

    <N, UK, UV> KeyedMapState<N, UK, UV> getMapState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<UK> userKeySerializer, StateSerializer<UV> valueSerializer);

    /** The timers registered under {@code name} (an operator usually has one timer service). */
    <N> TimerService<K, N> getTimerService(String name, StateSerializer<N> namespaceSerializer);

    /** The keys that have an entry in state {@code name} in the given namespace (a snapshot of them). */
    <N> List<K> keys(String name, N namespace);

    /**
     * Writes all state in the {@link KeyedSnapshotFormat}. During a checkpoint (not a savepoint) a backend may
     * instead write a handle to files it put into the job's shared directory (RocksDB's incremental checkpoints,
     * see {@link io.sluice.runtime.checkpoint.CheckpointSnapshotContext}); only the same backend restores it.
     */
    void snapshot(OutputStream out) throws IOException;

    /** {@link #snapshot} into a byte array (an operator's snapshot embeds its backend's this way). */
    default byte[] snapshotBytes() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        snapshot(bytes);
        return bytes.toByteArray();
    }

    /**
     * The synchronous part of an asynchronous snapshot: freezes the state as {@link #snapshot} would write it now,
     * for a background thread to write while the operator goes on changing the state (called on the task thread,
     * between two inputs, with the same {@link io.sluice.runtime.checkpoint.CheckpointSnapshotContext}). The default
     * writes the snapshot now, into memory.
     */
    default KeyedStateSnapshot snapshotAsync() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        snapshot(bytes);
        return KeyedStateSnapshot.ofBytes(bytes.toByteArray());
    }

    /**
     * Loads the key groups of this backend's range from snapshots written by instances of a previous run (at any
     * parallelism, by either backend); entries of other key groups are skipped.
     */
    void restore(List<InputStream> snapshots) throws IOException;

    /**
     * Like {@link #restore(List)}, but loads only the entries (of states and timers) whose serialized key
     * {@code keyFilter} accepts: for operators whose input is routed by something finer than key groups (SQL hash
     * exchanges), restoring at another parallelism keeps the keys routed to this instance.
     */
    default void restore(List<InputStream> snapshots, java.util.function.Predicate<byte[]> keyFilter)
            throws IOException {
        throw new io.sluice.table.api.UnsupportedFeatureException("restoring " + getClass().getSimpleName()
                + " with a key filter");
    }

    /** An estimate of the bytes the state takes (on heap, or on disk for RocksDB), for metrics. */
    long stateSizeBytes();

    @Override
    void close();

    /** Convenience: a value state without namespace. */
    default <V> KeyedValueState<VoidNamespace, V> getValueState(String name, StateSerializer<V> valueSerializer) {
        return getValueState(name, StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE, valueSerializer);
    }

    /** Convenience: a list state without namespace. */
    default <V> KeyedListState<VoidNamespace, V> getListState(String name, StateSerializer<V> elementSerializer) {
        return getListState(name, StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE, elementSerializer);
    }

    /** Convenience: a map state without namespace. */
    default <UK, UV> KeyedMapState<VoidNamespace, UK, UV> getMapState(String name,
            StateSerializer<UK> userKeySerializer, StateSerializer<UV> valueSerializer) {
        return getMapState(name, StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE, userKeySerializer,
                valueSerializer);
    }
}
