package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;

/** Where an operator sends its results. */
public interface Output {
    /** Emits a batch; ownership passes to the receiver. Empty batches may be dropped by the caller. */
    void emit(RowBatch batch) throws Exception;

    /** Emits a watermark: no row with an event time at or below it follows. */
    void emitWatermark(long watermark) throws Exception;
}
