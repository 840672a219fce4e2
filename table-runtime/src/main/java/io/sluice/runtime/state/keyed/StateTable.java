package io.sluice.runtime.state.keyed;

/**
 * The entries of one key group and namespace of a {@link HeapState}: a hash table with open addressing and linear
 * probing, whose slots a caller may keep between a lookup and an update of the same key ({@link #find}, then
 * {@link #valueAt}/{@link #setValueAt}). While every key is a {@link Long} the keys are kept as primitive
 * {@code long}s, and while every value is a {@code Long} so are the values: a lookup then reads two arrays instead of
 * following a map node to a boxed key and a boxed value. The first key or value of another class turns that array
 * into one of objects, in place (slots do not move). Values are never null.
 *
 * @param <K> the keys
 * @param <S> what a key stores
 */
final class StateTable<K, S> {
    private static final int INITIAL_CAPACITY = 16;

    private boolean[] used;
    /** Keys while every key is a Long (else null). */
    private long[] longKeys;
    /** Keys once one is not a Long (else null), with their hash codes. */
    private Object[] keys;
    private int[] hashes;
    /** Values while every value is a Long (else null). */
    private long[] longValues;
    /** Values once one is not a Long (else null). */
    private Object[] values;
    private int size;
    private int mask;

    StateTable() {
        allocate(INITIAL_CAPACITY, true, true);
    }

    private void allocate(int capacity, boolean primitiveKeys, boolean primitiveValues) {
        used = new boolean[capacity];
        longKeys = primitiveKeys ? new long[capacity] : null;
        keys = primitiveKeys ? null : new Object[capacity];
        hashes = primitiveKeys ? null : new int[capacity];
        longValues = primitiveValues ? new long[capacity] : null;
        values = primitiveValues ? null : new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The number of slots ({@link #used} tells which hold an entry). */
    int capacity() {
        return used.length;
    }

    boolean used(int slot) {
        return used[slot];
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int longHash(long key) {
        return Long.hashCode(key);
    }

    /** The slot holding {@code key}, or -1. */
    int find(Object key) {
        if (longKeys != null) {
            if (!(key instanceof Long)) {
                return -1;
            }
            long k = (Long) key;
            for (int i = spread(longHash(k)) & mask; used[i]; i = (i + 1) & mask) {
                if (longKeys[i] == k) {
                    return i;
                }
            }
            return -1;
        }
        int h = key.hashCode();
        for (int i = spread(h) & mask; used[i]; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    K keyAt(int slot) {
        return (K) (longKeys != null ? Long.valueOf(longKeys[slot]) : keys[slot]);
    }

    @SuppressWarnings("unchecked")
    S valueAt(int slot) {
        return (S) (longValues != null ? Long.valueOf(longValues[slot]) : values[slot]);
    }

    /** Replaces the value in a used slot (slots do not move). */
    void setValueAt(int slot, S value) {
        if (longValues != null) {
            if (value instanceof Long) {
                longValues[slot] = (Long) value;
                return;
            }
            objectValues();
        }
        values[slot] = value;
    }

    /** Sets the value of {@code key}; returns its slot (valid until the next insertion or removal). */
    int put(K key, S value) {
        int slot = find(key);
        if (slot >= 0) {
            setValueAt(slot, value);
            return slot;
        }
        if (longKeys != null && !(key instanceof Long)) {
            objectKeys();
        }
        if ((size + 1) * 2 > used.length) {
            resize(used.length * 2);
        }
        int h = longKeys != null ? longHash((Long) key) : key.hashCode();
        int i = spread(h) & mask;
        while (used[i]) {
            i = (i + 1) & mask;
        }
        used[i] = true;
        if (longKeys != null) {
            longKeys[i] = (Long) key;
        } else {
            keys[i] = key;
            hashes[i] = h;
        }
        size++;
        setValueAt(i, value);
        return i;
    }

    /** Removes {@code key} if present; other slots may move. */
    void remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return;
        }
        // backward-shift deletion: move later entries of the probe run into the gap
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (!used[j]) {
                break;
            }
            int home = spread(hashAt(j)) & mask;
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                moveSlot(j, i);
                i = j;
            }
        }
        used[i] = false;
        if (keys != null) {
            keys[i] = null;
        }
        if (values != null) {
            values[i] = null;
        }
        size--;
    }

    private int hashAt(int slot) {
        return longKeys != null ? longHash(longKeys[slot]) : hashes[slot];
    }

    private void moveSlot(int from, int to) {
        used[to] = true;
        if (longKeys != null) {
            longKeys[to] = longKeys[from];
        } else {
            keys[to] = keys[from];
            hashes[to] = hashes[from];
        }
        if (longValues != null) {
            longValues[to] = longValues[from];
        } else {
            values[to] = values[from];
        }
    }

    private void resize(int capacity) {
        boolean[] oldUsed = used;
        long[] oldLongKeys = longKeys;
        Object[] oldKeys = keys;
        int[] oldHashes = hashes;
        long[] oldLongValues = longValues;
        Object[] oldValues = values;
        allocate(capacity, oldLongKeys != null, oldLongValues != null);
        for (int s = 0; s < oldUsed.length; s++) {
            if (!oldUsed[s]) {
                continue;
            }
            int h = oldLongKeys != null ? longHash(oldLongKeys[s]) : oldHashes[s];
            int i = spread(h) & mask;
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            if (oldLongKeys != null) {
                longKeys[i] = oldLongKeys[s];
            } else {
                keys[i] = oldKeys[s];
                hashes[i] = h;
            }
            if (oldLongValues != null) {
                longValues[i] = oldLongValues[s];
            } else {
                values[i] = oldValues[s];
            }
        }
    }

    /** Boxes the keys (a key of another class than Long arrived); slots stay where they are. */
    private void objectKeys() {
        keys = new Object[used.length];
        hashes = new int[used.length];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                keys[i] = longKeys[i];
                hashes[i] = longHash(longKeys[i]);
            }
        }
        longKeys = null;
    }

    /** Boxes the values (a value of another class than Long arrived); slots stay where they are. */
    private void objectValues() {
        values = new Object[used.length];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                values[i] = longValues[i];
            }
        }
        longValues = null;
    }

    @Override
    public String toString() {
        return "StateTable(" + size + " of " + used.length + (longKeys != null ? ", long keys" : "")
                + (longValues != null ? ", long values" : "") + ")";
    }
}
