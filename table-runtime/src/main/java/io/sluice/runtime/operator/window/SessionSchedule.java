package io.sluice.runtime.operator.window;

import java.util.Arrays;

/**
 * When the open sessions of each partition key can close: a binary min-heap of (session end, key id) with at most
 * one live entry per key, at the earliest end among that key's open sessions.
 *
 * <p>Session ends only grow as rows extend a session, so the heap is allowed to hold an entry that is too early: when
 * the watermark reaches it, the caller finds the key's sessions still open, and {@link #schedule schedules} the key
 * again at its new earliest end. An entry is live while its end equals the key's {@link #scheduledEnd}; a
 * later, earlier-ending session of the same key replaces it (the old entry then goes stale and is skipped).
 * This keeps the per-row cost at a comparison, and the heap work to a push per session and watermark it survives.
 */
final class SessionSchedule {
    private static final long NONE = Long.MAX_VALUE;

    private long[] ends = new long[64];
    private int[] keys = new int[64];
    private int size;
    /** Per key id: the end under which the key has a live entry, or {@link #NONE}. */
    private long[] scheduled = new long[64];

    SessionSchedule() {
        Arrays.fill(scheduled, NONE);
    }

    /** Makes sure key ids {@code 0 .. keyCount-1} have a slot (new keys start unscheduled). */
    void ensureKeys(int keyCount) {
        if (keyCount > scheduled.length) {
            int old = scheduled.length;
            scheduled = Arrays.copyOf(scheduled, Math.max(keyCount, old * 2));
            Arrays.fill(scheduled, old, scheduled.length, NONE);
        }
    }

    /** The end under which {@code key} is scheduled, or {@link Long#MAX_VALUE} when it is not. */
    long scheduledEnd(int key) {
        return scheduled[key];
    }

    /** Schedules {@code key} at {@code end} unless it is already scheduled at that end or earlier. */
    void schedule(int key, long end) {
        if (end >= scheduled[key]) {
            return;
        }
        scheduled[key] = end;
        push(end, key);
    }

    /** Marks {@code key} unscheduled (its entry, if any, goes stale). */
    void unschedule(int key) {
        scheduled[key] = NONE;
    }

    /** True when some live or stale entry ends at or before {@code end}. */
    boolean hasEntryEndingBy(long end) {
        return size > 0 && ends[0] <= end;
    }

    /**
     * Removes the earliest entry and returns its key if that entry is live (the key is then unscheduled), or -1 when
     * it was stale. Call only when {@link #hasEntryEndingBy} said there is one.
     */
    int pollLive() {
        long end = ends[0];
        int key = keys[0];
        size--;
        if (size > 0) {
            ends[0] = ends[size];
            keys[0] = keys[size];
            siftDown(0);
        }
        if (scheduled[key] != end) {
            return -1;
        }
        scheduled[key] = NONE;
        return key;
    }

    /** Forgets every entry and key (the key ids are about to be renumbered). */
    void clear() {
        size = 0;
        Arrays.fill(scheduled, NONE);
    }

    int size() {
        return size;
    }

    private void push(long end, int key) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (ends[parent] <= end) {
                break;
            }
            ends[i] = ends[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        ends[i] = end;
        keys[i] = key;
    }

    private void siftDown(int i) {
        long end = ends[i];
        int key = keys[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && ends[child + 1] < ends[child]) {
                child++;
            }
            if (ends[child] >= end) {
                break;
            }
            ends[i] = ends[child];
            keys[i] = keys[child];
            i = child;
        }
        ends[i] = end;
        keys[i] = key;
    }
}
