package io.sluice.runtime.operator.aggregate;

import java.util.Arrays;

/**
 * An open-addressing hash table from {@code long} keys to {@code stride} counters each, with linear probing and
 * backward-shift deletion (no tombstones), so keys and counts stay in primitive arrays. Slots are stable until the
 * next insertion or removal.
 */
final class LongCountTable {
    private final int stride;
    private long[] keys;
    private long[] counts;
    private boolean[] used;
    private int mask;
    private int size;

    LongCountTable(int stride) {
        this.stride = stride;
        allocate(8);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new long[capacity * stride];
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
            if (keys[s] == key) {
                return s;
            }
        }
        return -1;
    }

    /** The slot of {@code key}, inserted with zero counts if absent. */
    int findOrInsert(long key) {
        int s = home(key);
        for (; used[s]; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return s;
            }
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return findOrInsert(key);
        }
        used[s] = true;
        keys[s] = key;
        size++;
        return s;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int s = 0; s < oldUsed.length; s++) {
            if (oldUsed[s]) {
                int t = home(oldKeys[s]);
                while (used[t]) {
                    t = (t + 1) & mask;
                }
                used[t] = true;
                keys[t] = oldKeys[s];
                System.arraycopy(oldCounts, s * stride, counts, t * stride, stride);
            }
        }
    }

    /** The counters: those of slot {@code s} are at {@code s * stride} to {@code s * stride + stride - 1}. */
    long[] counts() {
        return counts;
    }

    /** Whether every counter of slot {@code s} is zero. */
    boolean allZero(int s) {
        for (int j = s * stride, end = j + stride; j < end; j++) {
            if (counts[j] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Removes the key of slot {@code s}, moving later keys of its probe run back so lookups still find them. */
    void remove(int s) {
        int hole = s;
        for (int j = (s + 1) & mask; used[j]; j = (j + 1) & mask) {
            int h = home(keys[j]);
            boolean reachable = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!reachable) {
                keys[hole] = keys[j];
                System.arraycopy(counts, j * stride, counts, hole * stride, stride);
                hole = j;
            }
        }
        used[hole] = false;
        Arrays.fill(counts, hole * stride, hole * stride + stride, 0L);
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
        return keys[s];
    }
}
