package io.sluice.api.common.eventtime;

/** Keeps the timestamp a record already has. */
public final class RecordTimestampAssigner<E> implements TimestampAssigner<E> {
    @Override
    public long extractTimestamp(E element, long recordTimestamp) {
        return recordTimestamp;
    }
}
