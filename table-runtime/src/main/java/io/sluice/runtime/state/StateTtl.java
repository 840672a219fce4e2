package io.sluice.runtime.state;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import java.util.function.LongSupplier;

/**
 * The processing-time state TTL of an unbounded streaming operator ({@code table.exec.state.ttl}),
 * with Flink's default semantics: an entry's timestamp is set when it is created and whenever it is
 * written ({@code OnCreateAndWrite}); an entry whose timestamp is {@code ttl} or more milliseconds old
 * is never returned ({@code NeverReturnExpired}) and is removed by an incremental cleanup that checks
 * a bounded number of entries per batch ({@link #cleanupBudget}). A TTL of zero disables expiry.
 *
 * <p>Operators read the clock once per batch ({@link #now()}), so every row of a batch sees the same
 * processing time and nothing expires in the middle of a batch. The clock is injectable for tests.
 */
public final class StateTtl {
    /** Entries checked per batch by the incremental cleanup, at least. */
    private static final int MIN_CLEANUP_ENTRIES = 128;

    private final long ttlMillis;
    private final LongSupplier clock;

    /** A TTL of {@code ttlMillis} ({@code <= 0}: never expire) measured with {@code clock} (epoch millis). */
    public StateTtl(long ttlMillis, LongSupplier clock) {
        this.ttlMillis = Math.max(0, ttlMillis);
        this.clock = clock;
    }

    /** The TTL configured in {@code config}, measured with {@code clock}. */
    public static StateTtl of(Configuration config, LongSupplier clock) {
        return new StateTtl(config.get(ExecutionOptions.STATE_TTL).toMillis(), clock);
    }

    /** Whether state expires at all. */
    public boolean enabled() {
        return ttlMillis > 0;
    }

    public long ttlMillis() {
        return ttlMillis;
    }

    /** The current processing time (epoch milliseconds). */
    public long now() {
        return clock.getAsLong();
    }

    /** Whether an entry last written at {@code lastWrite} has expired at {@code now}. */
    public boolean isExpired(long lastWrite, long now) {
        return ttlMillis > 0 && now - lastWrite >= ttlMillis;
    }

    /**
     * How many entries the incremental cleanup checks after a batch of {@code rows} rows: at least
     * twice the rows, so cleanup outpaces the creation of new entries, and at least a small constant.
     */
    public int cleanupBudget(int rows) {
        return Math.max(MIN_CLEANUP_ENTRIES, 2 * rows);
    }
}
