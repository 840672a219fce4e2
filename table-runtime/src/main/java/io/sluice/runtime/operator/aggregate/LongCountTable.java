package io.sluice.runtime.operator.aggregate;

import java.util.Arrays;

/**
 * An open-addressing hash table from {@code long} keys to {@code stride} counters each, with linear probing and
 * backward-shift deletion (no tombstones), so keys and counts stay in one primitive array. A slot's key and counters
 * are adjacent ({@link #entries()}: the key at {@code s * (stride + 1)}, the counters after it from
 * {@link #countIndex}), so a lookup and the count update after it touch one place in memory.
 *
 * <p>Key 0 marks an empty slot, so no other array says which slots are used (a probe reads one array, and a new
 * table needs no filling); the key 0 itself, when present, lives in one extra slot after the probed ones. Slots are
 * numbered {@code 0..capacity()-1} (the extra slot included) and are stable until the next insertion or removal.
 */
final class LongCountTable {
    private final int stride;
    /** Per slot: its key, then its {@code stride} counters. */
    private final int width;
    private long[] entries;
    /** Probed slots (a power of two); slot {@code probed} holds the key 0. */
    private int probed;
    private int mask;
    private int size;
    private boolean hasZero;

    LongCountTable(int stride) {
        this.stride = stride;
        this.width = stride + 1;
        allocate(8);
    }

    private void allocate(int capacity) {
        entries = new long[(capacity + 1) * width];
        probed = capacity;
        mask = capacity - 1;
    }

    private int home(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The slot of {@code key}, or -1. */
    int find(long key) {
        if (key == 0) {
            return hasZero ? probed : -1;
        }
        long[] e = entries;
        int w = width;
        for (int s = home(key);; s = (s + 1) & mask) {
            long k = e[s * w];
            if (k == key) {
                return s;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** The slot of {@code key}, inserted with zero counts if absent. */
    int findOrInsert(long key) {
        if (key == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return probed;
        }
        long[] e = entries;
        int w = width;
        int s = home(key);
        for (;; s = (s + 1) & mask) {
            long k = e[s * w];
            if (k == key) {
                return s;
            }
            if (k == 0) {
                break;
            }
        }
        if (2 * (size + 1) > probed) {
            grow();
            return findOrInsert(key);
        }
        e[s * w] = key;
        size++;
        return s;
    }

    private void grow() {
        long[] old = entries;
        int oldProbed = probed;
        allocate(oldProbed * 2);
        for (int s = 0; s < oldProbed; s++) {
            long key = old[s * width];
            if (key != 0) {
                int t = home(key);
                while (entries[t * width] != 0) {
                    t = (t + 1) & mask;
                }
                System.arraycopy(old, s * width, entries, t * width, width);
            }
        }
        System.arraycopy(old, oldProbed * width, entries, probed * width, width);
    }

    /** The keys and counters: those of slot {@code s} are at {@link #countIndex}{@code (s)} and the next ones. */
    long[] entries() {
        return entries;
    }

    /** Where in {@link #entries()} the first counter of slot {@code s} is (the others follow it). */
    int countIndex(int s) {
        return s * width + 1;
    }

    /** Whether every counter of slot {@code s} is zero. */
    boolean allZero(int s) {
        for (int j = s * width + 1, end = j + stride; j < end; j++) {
            if (entries[j] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Removes the key of slot {@code s}, moving later keys of its probe run back so lookups still find them. */
    void remove(int s) {
        size--;
        if (s == probed) {
            hasZero = false;
            Arrays.fill(entries, s * width, s * width + width, 0L);
            return;
        }
        int hole = s;
        for (int j = (s + 1) & mask; entries[j * width] != 0; j = (j + 1) & mask) {
            int h = home(entries[j * width]);
            boolean reachable = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!reachable) {
                System.arraycopy(entries, j * width, entries, hole * width, width);
                hole = j;
            }
        }
        Arrays.fill(entries, hole * width, hole * width + width, 0L);
    }

    int size() {
        return size;
    }

    /** Number of slots, the one of the key 0 included: slots are {@code 0..capacity()-1}. */
    int capacity() {
        return probed + 1;
    }

    boolean used(int s) {
        return s == probed ? hasZero : entries[s * width] != 0;
    }

    long key(int s) {
        return entries[s * width];
    }
}
