package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A registered state of the {@link HeapKeyedStateBackend}: per key group, a map from namespace to a map from key
 * to what is stored for the key ({@code S}: the value, the list, the user map).
 */
abstract class HeapState<K, N, S> implements KeyedState<N> {
    final HeapKeyedStateBackend<K> backend;
    final StateMeta meta;
    final StateSerializer<N> namespaceSerializer;
    private final HashMap<N, HashMap<K, S>>[] groups;
    private N currentNamespace;

    @SuppressWarnings("unchecked")
    HeapState(HeapKeyedStateBackend<K> backend, StateMeta meta, StateSerializer<N> namespaceSerializer,
            N defaultNamespace) {
        this.backend = backend;
        this.meta = meta;
        this.namespaceSerializer = namespaceSerializer;
        this.groups = new HashMap[backend.keyGroupRange().size()];
        this.currentNamespace = defaultNamespace;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        currentNamespace = namespace;
    }

    @Override
    public void clear() {
        store(null);
    }

    /** What the current key has in the current namespace, or null. */
    final S stored() {
        HashMap<N, HashMap<K, S>> byNamespace = groups[backend.currentGroupIndex()];
        if (byNamespace == null) {
            return null;
        }
        HashMap<K, S> byKey = byNamespace.get(currentNamespace);
        return byKey == null ? null : byKey.get(backend.getCurrentKey());
    }

    /** Sets (or with null removes) what the current key has in the current namespace. */
    final void store(S value) {
        storeAt(backend.currentGroupIndex(), currentNamespace, backend.getCurrentKey(), value);
    }

    final void storeAt(int groupIndex, N namespace, K key, S value) {
        HashMap<N, HashMap<K, S>> byNamespace = groups[groupIndex];
        if (value == null) {
            if (byNamespace == null) {
                return;
            }
            HashMap<K, S> byKey = byNamespace.get(namespace);
            if (byKey != null) {
                byKey.remove(key);
                if (byKey.isEmpty()) {
                    byNamespace.remove(namespace);
                }
            }
            return;
        }
        if (byNamespace == null) {
            byNamespace = new HashMap<>();
            groups[groupIndex] = byNamespace;
        }
        byNamespace.computeIfAbsent(namespace, n -> new HashMap<>()).put(key, value);
    }

    final S storedAt(int groupIndex, N namespace, K key) {
        HashMap<N, HashMap<K, S>> byNamespace = groups[groupIndex];
        HashMap<K, S> byKey = byNamespace == null ? null : byNamespace.get(namespace);
        return byKey == null ? null : byKey.get(key);
    }

    /** Writes the entries of key group {@code keyGroup} as state number {@code stateIndex}. */
    final void writeEntries(int keyGroup, KeyedSnapshotFormat.Writer writer, int stateIndex, SerializedBytes bytes)
            throws IOException {
        HashMap<N, HashMap<K, S>> byNamespace = groups[keyGroup - backend.keyGroupRange().startKeyGroup()];
        if (byNamespace == null) {
            return;
        }
        for (Map.Entry<N, HashMap<K, S>> ns : byNamespace.entrySet()) {
            byte[] namespaceBytes = bytes.toBytes(namespaceSerializer, ns.getKey());
            for (Map.Entry<K, S> e : ns.getValue().entrySet()) {
                writeStored(bytes.toBytes(backend.keySerializer(), e.getKey()), namespaceBytes, e.getValue(), writer,
                        stateIndex, bytes);
            }
        }
    }

    /** Writes what one key stores as one or more snapshot entries. */
    abstract void writeStored(byte[] key, byte[] namespace, S stored, KeyedSnapshotFormat.Writer writer,
            int stateIndex, SerializedBytes bytes) throws IOException;

    /** Loads one snapshot entry. */
    abstract void load(int groupIndex, K key, N namespace, byte[] subKey, byte[] value);

    final void load(RestoredEntries.Entry entry) {
        load(entry.keyGroup() - backend.keyGroupRange().startKeyGroup(),
                SerializedBytes.fromBytes(backend.keySerializer(), entry.key()),
                SerializedBytes.fromBytes(namespaceSerializer, entry.namespace()), entry.subKey(), entry.value());
    }

    /** The keys with an entry in {@code namespace}. */
    final List<K> keys(N namespace) {
        List<K> keys = new ArrayList<>();
        for (HashMap<N, HashMap<K, S>> byNamespace : groups) {
            HashMap<K, S> byKey = byNamespace == null ? null : byNamespace.get(namespace);
            if (byKey != null) {
                keys.addAll(byKey.keySet());
            }
        }
        return keys;
    }

    /** Keys stored over all namespaces and key groups (for size estimates). */
    final long entryCount() {
        long n = 0;
        for (HashMap<N, HashMap<K, S>> byNamespace : groups) {
            if (byNamespace != null) {
                for (Iterator<HashMap<K, S>> it = byNamespace.values().iterator(); it.hasNext(); ) {
                    n += it.next().size();
                }
            }
        }
        return n;
    }
}
