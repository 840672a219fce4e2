package io.sluice.runtime.metrics;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;

/**
 * An {@link Output} that counts what an operator instance emits into its {@link OperatorMetrics} (records and bytes
 * out per batch, the output watermark, and the time spent downstream, which is not the operator's busy time).
 */
public final class MeteredOutput implements Output {
    private final Output delegate;
    private final OperatorMetrics metrics;

    public MeteredOutput(Output delegate, OperatorMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void emit(RowBatch batch) throws Exception {
        long start = metrics.beginEmit(batch);
        try {
            delegate.emit(batch);
        } finally {
            metrics.endEmit(start);
        }
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        metrics.emitWatermark(watermark);
        delegate.emitWatermark(watermark);
    }
}
