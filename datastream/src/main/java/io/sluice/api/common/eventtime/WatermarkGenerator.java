package io.sluice.api.common.eventtime;

/**
 * Generates watermarks from the records' timestamps: on each record ({@link #onEvent}, for punctuated watermarks)
 * and periodically ({@link #onPeriodicEmit}). Sluice calls {@code onPeriodicEmit} after each batch of records and
 * on the processing-time schedule of the task.
 */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
