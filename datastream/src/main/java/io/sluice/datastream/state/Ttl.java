package io.sluice.datastream.state;

import io.sluice.api.common.state.StateTtlConfig;
import java.util.function.LongSupplier;

/** Applies a {@link StateTtlConfig}: when a value has expired, and which time a read or write stamps. */
final class Ttl {
    private final StateTtlConfig config;
    private final LongSupplier clock;

    Ttl(StateTtlConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    boolean expired(TtlValue<?> v) {
        return v != null && now() - v.lastAccess() >= config.getTimeToLive().toMillis();
    }

    boolean refreshOnRead() {
        return config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    }

    boolean returnExpired() {
        return config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }
}
