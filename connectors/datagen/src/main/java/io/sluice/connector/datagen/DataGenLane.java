package io.sluice.connector.datagen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of table-wide row ordinals a datagen reader generates: {@code next, next + step, next + 2 step, ...} below
 * {@code end} (the table's row count, {@code Long.MAX_VALUE} when unbounded). A reader that never changed its
 * parallelism has one lane ({@code next = its index + emitted * parallelism}, {@code step = parallelism}); a reader
 * restored at another parallelism takes over lanes of the earlier readers, or parts of them.
 */
final class DataGenLane {
    long next;
    final long step;
    final long end;

    DataGenLane(long next, long step, long end) {
        this.next = next;
        this.step = step;
        this.end = end;
    }

    /** Ordinals left ({@code Long.MAX_VALUE} when unbounded). */
    long remaining() {
        if (end == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return next >= end ? 0 : (end - next + step - 1) / step;
    }

    /** How many of the next ordinals lie below {@code bound} (at least one when {@code next < bound}). */
    long countBelow(long bound) {
        return bound <= next ? 0 : (bound - next + step - 1) / step;
    }

    void advance(long rows) {
        next += rows * step;
    }

    /**
     * This lane dealt to {@code parts} readers: part {@code r} takes every {@code parts}-th ordinal from the
     * {@code r}-th on.
     */
    List<DataGenLane> split(int parts) {
        List<DataGenLane> result = new ArrayList<>(parts);
        for (int r = 0; r < parts; r++) {
            result.add(new DataGenLane(next + r * step, step * parts, end));
        }
        return result;
    }

    void write(ByteBuffer out) {
        out.putLong(next).putLong(step).putLong(end);
    }

    static DataGenLane read(ByteBuffer in) {
        return new DataGenLane(in.getLong(), in.getLong(), in.getLong());
    }

    static final int BYTES = 24;
}
