package io.sluice.runtime.state.keyed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries read from snapshots whose state has not been registered yet (the heap backend needs a state's
 * serializers to turn bytes into objects). They stay here, grouped by state, until the state is registered, and
 * a snapshot taken meanwhile writes them unchanged.
 */
final class RestoredEntries {
    record Entry(int keyGroup, byte[] key, byte[] namespace, byte[] subKey, byte[] value) {
    }

    record Pending(StateMeta meta, List<Entry> entries) {
    }

    private final Map<String, Pending> byId = new LinkedHashMap<>();

    void add(StateMeta meta, Entry entry) {
        Pending pending = byId.computeIfAbsent(meta.id(), id -> new Pending(meta, new ArrayList<>()));
        pending.meta().checkCompatible(meta);
        pending.entries().add(entry);
    }

    /** Records a state that a snapshot declared, even when none of its entries fall into this backend's range. */
    void declare(StateMeta meta) {
        byId.computeIfAbsent(meta.id(), id -> new Pending(meta, new ArrayList<>()));
    }

    /** Removes and returns the entries of {@code registered}'s state, checking it has the restored shape. */
    List<Entry> take(StateMeta registered) {
        Pending pending = byId.remove(registered.id());
        if (pending == null) {
            return List.of();
        }
        pending.meta().checkCompatible(registered);
        return pending.entries();
    }

    Iterable<Pending> pending() {
        return byId.values();
    }
}
