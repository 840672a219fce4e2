package io.sluice.runtime.state;

import java.nio.ByteBuffer;

/**
 * The name of an entry of a map state that must iterate in time order (rows of an interval join, a session, an OVER
 * partition): the time with its sign bit flipped (so that byte order is numeric order, negative times first), then a
 * sequence number that keeps entries of equal times apart and in the order they were written.
 */
public final class TimeOrderedName {
    private TimeOrderedName() {
    }

    /** The 16-byte name of an entry at {@code time} written as the {@code sequence}-th. */
    public static byte[] of(long time, long sequence) {
        return ByteBuffer.allocate(16).putLong(time ^ Long.MIN_VALUE).putLong(sequence).array();
    }

    /** The time of a name {@link #of} made. */
    public static long timeOf(byte[] name) {
        return ByteBuffer.wrap(name).getLong() ^ Long.MIN_VALUE;
    }
}
