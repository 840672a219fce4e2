package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A registered state of the {@link HeapKeyedStateBackend}: per key group, a map from namespace to a {@link StateTable}
 * from key to what is stored for the key ({@code S}: the value, the list, the user map). The entry of the current key
 * found by a read is remembered until the current key, the namespace or the table changes, so that a read followed by
 * an update of the same key ({@code value()} then {@code update()}) looks the key up once.
 */
abstract class HeapState<K, N, S> implements KeyedState<N> {
    final HeapKeyedStateBackend<K> backend;
    final StateMeta meta;
    final StateSerializer<N> namespaceSerializer;
    private final HashMap<N, StateTable<K, S>>[] groups;
    /** Per key group, the namespace last looked up and its table (null: none), saving the namespace map's lookup. */
    private final Object[] lastNamespaces;
    private final StateTable<K, S>[] lastTables;
    private N currentNamespace;
    /** The backend's key version when the cached entry was found (-1: nothing cached). */
    private long cachedKeyVersion = -1;
    private N cachedNamespace;
    private StateTable<K, S> cachedTable;
    /** The slot of the current key in {@link #cachedTable}, or -1 when the current key has no entry. */
    private int cachedSlot;

    @SuppressWarnings("unchecked")
    HeapState(HeapKeyedStateBackend<K> backend, StateMeta meta, StateSerializer<N> namespaceSerializer,
            N defaultNamespace) {
        this.backend = backend;
        this.meta = meta;
        this.namespaceSerializer = namespaceSerializer;
        this.groups = new HashMap[backend.keyGroupRange().size()];
        this.lastNamespaces = new Object[groups.length];
        this.lastTables = new StateTable[groups.length];
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

    private boolean cached() {
        return cachedKeyVersion == backend.keyVersion() && cachedNamespace == currentNamespace;
    }

    /** What the current key has in the current namespace, or null. */
    final S stored() {
        if (cached()) {
            return cachedSlot < 0 ? null : cachedTable.valueAt(cachedSlot);
        }
        StateTable<K, S> table = table(backend.currentGroupIndex(), currentNamespace);
        int slot = table == null ? -1 : table.find(backend.getCurrentKey());
        cache(table, slot);
        return slot < 0 ? null : table.valueAt(slot);
    }

    /** The table of a key group and namespace, or null. */
    private StateTable<K, S> table(int groupIndex, N namespace) {
        if (lastNamespaces[groupIndex] == namespace && namespace != null) {
            return lastTables[groupIndex];
        }
        HashMap<N, StateTable<K, S>> byNamespace = groups[groupIndex];
        StateTable<K, S> table = byNamespace == null ? null : byNamespace.get(namespace);
        lastNamespaces[groupIndex] = namespace;
        lastTables[groupIndex] = table;
        return table;
    }

    private void cache(StateTable<K, S> table, int slot) {
        cachedKeyVersion = backend.keyVersion();
        cachedNamespace = currentNamespace;
        cachedTable = table;
        cachedSlot = slot;
    }

    /** Sets (or with null removes) what the current key has in the current namespace. */
    final void store(S value) {
        if (value != null && cached() && cachedSlot >= 0) {
            cachedTable.setValueAt(cachedSlot, value);
            return;
        }
        int groupIndex = backend.currentGroupIndex();
        K key = backend.getCurrentKey();
        StateTable<K, S> table = write(groupIndex, currentNamespace, key, value);
        if (value == null) {
            cache(null, -1);
        } else {
            cache(table, table.find(key));
        }
    }

    final void storeAt(int groupIndex, N namespace, K key, S value) {
        cachedKeyVersion = -1;
        write(groupIndex, namespace, key, value);
    }

    /** Writes an entry; returns the table holding it (null when removed). */
    private StateTable<K, S> write(int groupIndex, N namespace, K key, S value) {
        HashMap<N, StateTable<K, S>> byNamespace = groups[groupIndex];
        if (value == null) {
            StateTable<K, S> byKey = table(groupIndex, namespace);
            if (byKey != null) {
                byKey.remove(key);
                if (byKey.isEmpty()) {
                    byNamespace.remove(namespace);
                    lastTables[groupIndex] = null;
                }
            }
            return null;
        }
        StateTable<K, S> byKey = table(groupIndex, namespace);
        if (byKey == null) {
            if (byNamespace == null) {
                byNamespace = new HashMap<>();
                groups[groupIndex] = byNamespace;
            }
            byKey = new StateTable<>();
            byNamespace.put(namespace, byKey);
            lastNamespaces[groupIndex] = namespace;
            lastTables[groupIndex] = byKey;
        }
        byKey.put(key, value);
        return byKey;
    }

    final S storedAt(int groupIndex, N namespace, K key) {
        StateTable<K, S> byKey = table(groupIndex, namespace);
        int slot = byKey == null ? -1 : byKey.find(key);
        return slot < 0 ? null : byKey.valueAt(slot);
    }

    /** Writes the entries of key group {@code keyGroup} as state number {@code stateIndex}. */
    final void writeEntries(int keyGroup, KeyedSnapshotFormat.Writer writer, int stateIndex, SerializedBytes bytes)
            throws IOException {
        HashMap<N, StateTable<K, S>> byNamespace = groups[keyGroup - backend.keyGroupRange().startKeyGroup()];
        if (byNamespace == null) {
            return;
        }
        for (Map.Entry<N, StateTable<K, S>> ns : byNamespace.entrySet()) {
            byte[] namespaceBytes = bytes.toBytes(namespaceSerializer, ns.getKey());
            StateTable<K, S> table = ns.getValue();
            for (int slot = 0; slot < table.capacity(); slot++) {
                if (table.used(slot)) {
                    writeStored(bytes.toBytes(backend.keySerializer(), table.keyAt(slot)), namespaceBytes,
                            table.valueAt(slot), writer, stateIndex, bytes);
                }
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
        for (HashMap<N, StateTable<K, S>> byNamespace : groups) {
            StateTable<K, S> byKey = byNamespace == null ? null : byNamespace.get(namespace);
            if (byKey != null) {
                for (int slot = 0; slot < byKey.capacity(); slot++) {
                    if (byKey.used(slot)) {
                        keys.add(byKey.keyAt(slot));
                    }
                }
            }
        }
        return keys;
    }

    /** Keys stored over all namespaces and key groups (for size estimates). */
    final long entryCount() {
        long n = 0;
        for (HashMap<N, StateTable<K, S>> byNamespace : groups) {
            if (byNamespace != null) {
                for (Iterator<StateTable<K, S>> it = byNamespace.values().iterator(); it.hasNext(); ) {
                    n += it.next().size();
                }
            }
        }
        return n;
    }
}
