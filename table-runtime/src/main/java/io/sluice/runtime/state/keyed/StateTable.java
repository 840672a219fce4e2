package io.sluice.runtime.state.keyed;

/**
 * The entries of one key group and namespace of a {@link HeapState}: a hash table with open addressing and linear
 * probing, whose slots a caller may keep between a lookup and an update of the same key ({@link #find}, then
 * {@link #valueAt}/{@link #setValueAt}). While every key is a {@link Long} (other than {@code Long.MIN_VALUE}, which
 * marks a free slot) the keys are kept as primitive {@code long}s, and while every value is a {@code Long} too, each
 * value sits next to its key in one array: a lookup then reads one cache line instead of following a map node to a
 * boxed key and a boxed value. The first key or value of another class turns the table into one of objects, in place
 * (slots do not move). Values are never null.
 *
 * @param <K> the keys
 * @param <S> what a key stores
 */
final class StateTable<K, S> {
    private static final int INITIAL_CAPACITY = 16;
    /** The key of a free slot in {@link #pairs}. */
    private static final long FREE = Long.MIN_VALUE;

    /**
     * While the keys are primitive (else null): the key of slot {@code i} at {@code 2i} ({@link #FREE} if the slot
     * is free), its value at {@code 2i + 1} while the values are primitive too.
     */
    private long[] pairs;
    /** Keys once they are objects (null: a free slot), with their hash codes; else null. */
    private Object[] keys;
    private int[] hashes;
    /** Values once they are objects; else null. */
    private Object[] values;
    private int size;
    private int mask;

    StateTable() {
        allocate(INITIAL_CAPACITY, true, true);
    }

    private void allocate(int capacity, boolean primitiveKeys, boolean primitiveValues) {
        if (primitiveKeys) {
            pairs = new long[2 * capacity];
            for (int i = 0; i < pairs.length; i += 2) {
                pairs[i] = FREE;
            }
            keys = null;
            hashes = null;
        } else {
            pairs = null;
            keys = new Object[capacity];
            hashes = new int[capacity];
        }
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
        return mask + 1;
    }

    boolean used(int slot) {
        return pairs != null ? pairs[2 * slot] != FREE : keys[slot] != null;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The slot holding {@code key}, or -1. */
    int find(Object key) {
        if (pairs != null) {
            if (!(key instanceof Long)) {
                return -1;
            }
            long k = (Long) key;
            for (int i = spread(Long.hashCode(k)) & mask; ; i = (i + 1) & mask) {
                long stored = pairs[2 * i];
                if (stored == k && k != FREE) {
                    return i;
                }
                if (stored == FREE) {
                    return -1;
                }
            }
        }
        int h = key.hashCode();
        for (int i = spread(h) & mask; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    K keyAt(int slot) {
        return (K) (pairs != null ? Long.valueOf(pairs[2 * slot]) : keys[slot]);
    }

    @SuppressWarnings("unchecked")
    S valueAt(int slot) {
        return (S) (values == null ? Long.valueOf(pairs[2 * slot + 1]) : values[slot]);
    }

    /** Replaces the value in a used slot (slots do not move). */
    void setValueAt(int slot, S value) {
        if (values == null) {
            if (value instanceof Long) {
                pairs[2 * slot + 1] = (Long) value;
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
        if (pairs != null && (!(key instanceof Long) || (Long) key == FREE)) {
            objectKeys();
        }
        if ((size + 1) * 2 > capacity()) {
            resize(capacity() * 2);
        }
        int i;
        if (pairs != null) {
            long k = (Long) key;
            i = spread(Long.hashCode(k)) & mask;
            while (pairs[2 * i] != FREE) {
                i = (i + 1) & mask;
            }
            pairs[2 * i] = k;
        } else {
            int h = key.hashCode();
            i = spread(h) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
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
            if (!used(j)) {
                break;
            }
            int home = spread(hashAt(j)) & mask;
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                moveSlot(j, i);
                i = j;
            }
        }
        if (pairs != null) {
            pairs[2 * i] = FREE;
        } else {
            keys[i] = null;
        }
        if (values != null) {
            values[i] = null;
        }
        size--;
    }

    private int hashAt(int slot) {
        return pairs != null ? Long.hashCode(pairs[2 * slot]) : hashes[slot];
    }

    private void moveSlot(int from, int to) {
        if (pairs != null) {
            pairs[2 * to] = pairs[2 * from];
            pairs[2 * to + 1] = pairs[2 * from + 1];
        } else {
            keys[to] = keys[from];
            hashes[to] = hashes[from];
        }
        if (values != null) {
            values[to] = values[from];
        }
    }

    private void resize(int capacity) {
        long[] oldPairs = pairs;
        Object[] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        int oldCapacity = capacity();
        allocate(capacity, oldPairs != null, oldValues == null);
        for (int s = 0; s < oldCapacity; s++) {
            if (oldPairs != null) {
                long k = oldPairs[2 * s];
                if (k == FREE) {
                    continue;
                }
                int i = spread(Long.hashCode(k)) & mask;
                while (pairs[2 * i] != FREE) {
                    i = (i + 1) & mask;
                }
                pairs[2 * i] = k;
                pairs[2 * i + 1] = oldPairs[2 * s + 1];
                if (oldValues != null) {
                    values[i] = oldValues[s];
                }
            } else {
                if (oldKeys[s] == null) {
                    continue;
                }
                int i = spread(oldHashes[s]) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                hashes[i] = oldHashes[s];
                values[i] = oldValues[s];
            }
        }
    }

    /** Boxes the keys, and the values with them; slots stay where they are. */
    private void objectKeys() {
        objectValues();
        int capacity = capacity();
        keys = new Object[capacity];
        hashes = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            if (pairs[2 * i] != FREE) {
                keys[i] = pairs[2 * i];
                hashes[i] = Long.hashCode(pairs[2 * i]);
            }
        }
        pairs = null;
    }

    /** Boxes the values (a value of another class than Long arrived); slots stay where they are. */
    private void objectValues() {
        if (values != null) {
            return;
        }
        int capacity = capacity();
        values = new Object[capacity];
        for (int i = 0; i < capacity; i++) {
            if (used(i)) {
                values[i] = pairs[2 * i + 1];
            }
        }
    }

    @Override
    public String toString() {
        return "StateTable(" + size + " of " + capacity() + (pairs != null ? ", long keys" : "")
                + (values == null ? ", long values" : "") + ")";
    }
}
