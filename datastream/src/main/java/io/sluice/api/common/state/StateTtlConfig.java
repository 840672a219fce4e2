package io.sluice.api.common.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state: a value expires {@code ttl} after it was last written (or also read, with
 * {@link UpdateType#OnReadAndWrite}); expired values are never returned
 * ({@link StateVisibility#NeverReturnExpired}) and are removed when next accessed. Time is processing time.
 */
public final class StateTtlConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final StateTtlConfig DISABLED = new StateTtlConfig(UpdateType.Disabled, StateVisibility.NeverReturnExpired,
            Duration.ofMillis(Long.MAX_VALUE));

    /** When the expiry time of a value is reset. */
    public enum UpdateType {
        Disabled, OnCreateAndWrite, OnReadAndWrite
    }

    /** Whether an expired value that was not cleaned up yet may be returned. */
    public enum StateVisibility {
        ReturnExpiredIfNotCleanedUp, NeverReturnExpired
    }

    /** The time that TTL is measured in; only processing time exists. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility, Duration ttl) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    /** Builds a {@link StateTtlConfig}. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility visibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType);
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            this.visibility = Objects.requireNonNull(visibility);
            return this;
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            return this;
        }

        public Builder useProcessingTime() {
            return this;
        }

        public Builder setTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("TTL must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Expired values are dropped when they are read; the heap keeps no separate cleanup. */
        public Builder cleanupFullSnapshot() {
            return this;
        }

        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            return this;
        }

        public Builder cleanupInRocksdbCompactFilter(long queryTimeAfterNumEntries) {
            return this;
        }

        public Builder disableCleanupInBackground() {
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, visibility, ttl);
        }
    }
}
