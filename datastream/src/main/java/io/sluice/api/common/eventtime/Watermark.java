package io.sluice.api.common.eventtime;

import java.time.Instant;

/** A point in event time: no record with a timestamp at or below it is expected any more. */
public final class Watermark implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The watermark at the end of time. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    /** The timestamp as an ISO-8601 instant. */
    public String getFormattedTimestamp() {
        return Instant.ofEpochMilli(timestamp).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
