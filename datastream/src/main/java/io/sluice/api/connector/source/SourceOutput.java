package io.sluice.api.connector.source;

import io.sluice.api.common.eventtime.WatermarkOutput;

/** Where a reader emits records, optionally with their event timestamps. */
public interface SourceOutput<T> extends WatermarkOutput {
    void collect(T record);

    void collect(T record, long timestamp);
}
