package io.sluice.connector.jdbc;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The partial cache of a lookup join instance: key to the rows found for it. Entries expire a fixed time after
 * they were written or last read (when configured); past {@code maxRows} keys the least recently read one is
 * dropped. Used from one task thread.
 */
final class LookupCache {
    private final long maxRows;
    private final long expireAfterWriteNanos;
    private final long expireAfterAccessNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<List<Object>, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry {
        final List<Object[]> rows;
        final long written;
        long accessed;

        Entry(List<Object[]> rows, long now) {
            this.rows = rows;
            this.written = now;
            this.accessed = now;
        }
    }

    LookupCache(Long maxRows, Duration expireAfterWrite, Duration expireAfterAccess, LongSupplier nanoClock) {
        this.maxRows = maxRows == null ? Long.MAX_VALUE : maxRows;
        this.expireAfterWriteNanos = expireAfterWrite == null ? Long.MAX_VALUE : expireAfterWrite.toNanos();
        this.expireAfterAccessNanos = expireAfterAccess == null ? Long.MAX_VALUE : expireAfterAccess.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The cached rows of {@code key}, or null when not cached (or expired). */
    List<Object[]> get(List<Object> key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        long now = nanoClock.getAsLong();
        if (now - e.written >= expireAfterWriteNanos || now - e.accessed >= expireAfterAccessNanos) {
            entries.remove(key);
            return null;
        }
        e.accessed = now;
        return e.rows;
    }

    void put(List<Object> key, List<Object[]> rows) {
        entries.put(key, new Entry(rows, nanoClock.getAsLong()));
        if (entries.size() > maxRows) {
            Iterator<Map.Entry<List<Object>, Entry>> it = entries.entrySet().iterator();
            while (entries.size() > maxRows && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
    }

    int size() {
        return entries.size();
    }
}
