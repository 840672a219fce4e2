package io.sluice.runtime.execution;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;

/**
 * Hands batches to a {@link SinkWriter}; calls {@code finish} when the input ends.
 *
 * <p><b>Streaming semantics:</b> accepts whatever changelog the writer accepts (checked at planning);
 * keeps no state; hands watermarks to the writer.
 */
final class SinkOperator implements StreamOperator {
    private final SinkWriter writer;

    SinkOperator(SinkWriter writer) {
        this.writer = writer;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        writer.open();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (batch.rowCount() > 0) {
                writer.write(batch);
            }
        }
    }

    @Override
    public void processWatermark(int input, long watermark, Output output) throws Exception {
        writer.processWatermark(watermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        writer.finish();
    }

    /** The writer's checkpoint state (null for a non-transactional writer). */
    byte[] snapshotState(long checkpointId) throws Exception {
        return writer.snapshotState(checkpointId);
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        writer.notifyCheckpointComplete(checkpointId);
    }

    void restoreState(byte[] state) throws Exception {
        writer.restoreState(state);
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
