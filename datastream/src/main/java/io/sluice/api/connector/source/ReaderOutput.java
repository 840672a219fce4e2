package io.sluice.api.connector.source;

import io.sluice.api.common.eventtime.Watermark;

/**
 * The output of a {@link SourceReader}'s {@code pollNext}. Sluice has one output per reader: the per-split outputs
 * are that output too (watermarks per split are not tracked separately).
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    @Override
    void collect(T record);

    @Override
    void collect(T record, long timestamp);

    @Override
    void emitWatermark(Watermark watermark);

    @Override
    void markIdle();

    SourceOutput<T> createOutputForSplit(String splitId);

    void releaseOutputForSplit(String splitId);
}
