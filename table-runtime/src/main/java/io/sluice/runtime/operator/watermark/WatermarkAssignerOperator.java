package io.sluice.runtime.operator.watermark;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;

/**
 * Generates watermarks from a table's {@code WATERMARK FOR rowtime AS expression}: the expression is
 * evaluated for every row by a generated kernel, and the watermark is the largest value seen so far
 * (in epoch milliseconds of the rowtime's representation). Rows pass through unchanged.
 *
 * <p>A watermark is emitted after a batch when it advanced and at least
 * {@code pipeline.auto-watermark-interval} has passed since the previous one (so, as in Flink, how
 * many watermarks a fast bounded input produces depends on time; an interval of 0 disables them, as
 * in Flink); when the input ends, the final
 * watermark {@link Long#MAX_VALUE} is emitted, which fires every pending event-time timer.
 *
 * <p><b>Streaming semantics:</b> forwards any changelog; keeps only the current watermark; watermarks
 * arriving from upstream are dropped (this operator defines them).
 */
public final class WatermarkAssignerOperator implements StreamOperator {
    private final GeneratedClass<BatchCalc> watermarkCalc;
    private final LogicalType watermarkType;
    private final RowType watermarkRow;
    private final LongSupplier clock;

    private OperatorContext context;
    private Output output;
    private BatchCalc kernel;
    private long intervalMillis;
    private long currentMax = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;
    private long lastEmitTime = Long.MIN_VALUE;

    /** {@code watermarkCalc} projects the watermark expression (a TIMESTAMP or TIMESTAMP_LTZ) as its only column. */
    public WatermarkAssignerOperator(GeneratedClass<BatchCalc> watermarkCalc, LogicalType watermarkType) {
        this(watermarkCalc, watermarkType, System::currentTimeMillis);
    }

    WatermarkAssignerOperator(GeneratedClass<BatchCalc> watermarkCalc, LogicalType watermarkType, LongSupplier clock) {
        this.watermarkCalc = watermarkCalc;
        this.watermarkType = watermarkType;
        this.watermarkRow = new RowType(List.of("wm"), List.of(watermarkType));
        this.clock = clock;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.context = context;
        this.output = output;
        this.kernel = watermarkCalc.newInstance();
        io.sluice.runtime.generated.UserFunctionLifecycle.open(context, kernel);
        this.intervalMillis = context.config().get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        int rows = batch.rowCount();
        if (rows > 0) {
            try (RowBatch wm = RowBatch.allocate(watermarkRow, context.allocator(), rows)) {
                int written = kernel.process(batch.root(), rows, new ValueVector[] {wm.vector(0)});
                TimeStampVector v = (TimeStampVector) wm.vector(0);
                long max = currentMax;
                for (int i = 0; i < written; i++) {
                    if (!v.isNull(i)) {
                        long t = v.get(i);
                        if (t > max) {
                            max = t;
                        }
                    }
                }
                currentMax = max;
            }
        }
        output.emit(batch);
        if (currentMax > emitted && intervalMillis > 0) {
            long now = clock.getAsLong();
            if (lastEmitTime == Long.MIN_VALUE || now - lastEmitTime >= intervalMillis) {
                emitted = currentMax;
                lastEmitTime = now;
                output.emitWatermark(currentMax);
            }
        }
    }

    @Override
    public void processWatermark(int input, long watermark, Output output) {
    }

    @Override
    public void endInput(int input) throws Exception {
        emitted = Long.MAX_VALUE;
        output.emitWatermark(Long.MAX_VALUE);
    }

    @Override
    public void close() throws Exception {
        Object k = kernel;
        kernel = null;
        io.sluice.runtime.generated.UserFunctionLifecycle.close(k);
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
