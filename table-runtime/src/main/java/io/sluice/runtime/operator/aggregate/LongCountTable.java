package io.sluice.runtime.operator.aggregate;

import java.util.Arrays;

/**
 * An open-addressing hash table from {@code long} keys to {@code stride} counters each, with linear probing and
 * backward-shift deletion (no tombstones), so keys and counts stay in primitive arrays. A slot's key and counters are
 * adjacent in one array ({@link #entries()}: the key at {@code s * (stride + 1)}, the counters after it from
 * {@link #countIndex}), so a lookup and the count update after it touch one place in memory. Slots are stable until
 * the next insertion or removal.
 */
final class LongCountTable {
    private final int stride;
    /** Per slot: its key, then its {@code stride} counters. */
    private final int width;
    private long[] entries;
    private boolean[] used;
    private int mask;
    private int size;

    LongCountTable(int stride) {
        this.stride = stride;
        this.width = stride + 1;
        allocate(8);
    }

    private void allocate(int capacity) {
        entries = new long[capacity * width];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    private int home(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The slot of {@code key}, or -1. */
    int find(long key) {
        for (int s = home(key); used[s]; s = (s + 1) & mask) {
            if (entries[s * width] == key) {
                return s;
            }
        }
        return -1;
    }

    /** The slot of {@code key}, inserted with zero counts if absent. */
    int findOrInsert(long key) {
        int s = home(key);
        for (; used[s]; s = (s + 1) & mask) {
            if (entries[s * width] == key) {
                return s;
            }
        }
        if (2 * (size + 1) > used.length) {
            grow();
            return findOrInsert(key);
        }
        used[s] = true;
        entries[s * width] = key;
        size++;
        return s;
    }

    private void grow() {
        long[] oldEntries = entries;
        boolean[] oldUsed = used;
        allocate(oldUsed.length * 2);
        for (int s = 0; s < oldUsed.length; s++) {
            if (oldUsed[s]) {
                int t = home(oldEntries[s * width]);
                while (used[t]) {
                    t = (t + 1) & mask;
                }
                used[t] = true;
                System.arraycopy(oldEntries, s * width, entries, t * width, width);
            }
        }
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
        int hole = s;
        for (int j = (s + 1) & mask; used[j]; j = (j + 1) & mask) {
            int h = home(entries[j * width]);
            boolean reachable = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!reachable) {
                System.arraycopy(entries, j * width, entries, hole * width, width);
                hole = j;
            }
        }
        used[hole] = false;
        Arrays.fill(entries, hole * width, hole * width + width, 0L);
        size--;
    }

    int size() {
        return size;
    }

    int capacity() {
        return used.length;
    }

    boolean used(int s) {
        return used[s];
    }

    long key(int s) {
        return entries[s * width];
    }
}
