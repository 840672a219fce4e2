package io.sluice.streaming.runtime.operators.windowing;

/** A record of a window with its event timestamp (if it has one). */
public class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    public static <T> TimestampedValue<T> from(T value, long timestamp, boolean hasTimestamp) {
        return hasTimestamp ? new TimestampedValue<>(value, timestamp) : new TimestampedValue<>(value);
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
