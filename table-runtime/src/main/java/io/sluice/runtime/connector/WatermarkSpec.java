package io.sluice.runtime.connector;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;

/**
 * A watermark expression pushed into a source ({@link SupportsWatermarkPushDown}): a generated kernel that
 * computes the expression (a TIMESTAMP or TIMESTAMP_LTZ) for every row the scan produces, and a description for
 * plans and errors. {@link #newEvaluator} gives each reader its own kernel instance.
 */
public final class WatermarkSpec {
    private final GeneratedClass<BatchCalc> calc;
    private final LogicalType type;
    private final String description;

    /**
     * @param calc projects the watermark expression as its only column over the rows the scan produces
     * @param type the expression's type (TIMESTAMP or TIMESTAMP_LTZ)
     * @param description the expression as text, e.g. {@code -(ts, 5000:INTERVAL SECOND)}
     */
    public WatermarkSpec(GeneratedClass<BatchCalc> calc, LogicalType type, String description) {
        this.calc = calc;
        this.type = type;
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** A new evaluator with its own kernel instance (one per reader; not thread-safe). */
    public Evaluator newEvaluator(io.sluice.runtime.config.Configuration config) throws Exception {
        BatchCalc kernel = calc.newInstance();
        io.sluice.runtime.generated.UserFunctionLifecycle.open(config, kernel);
        return new Evaluator(kernel, new RowType(List.of("wm"), List.of(type)));
    }

    /** Computes the largest watermark value of a batch. */
    public static final class Evaluator implements AutoCloseable {
        private Object kernel;
        private final RowType resultType;

        private Evaluator(BatchCalc kernel, RowType resultType) {
            this.kernel = kernel;
            this.resultType = resultType;
        }

        /**
         * The largest value of the expression over the rows of {@code batch}, in epoch milliseconds of the
         * rowtime's representation, or {@link Long#MIN_VALUE} when the batch has no row with a non-null value.
         */
        public long max(RowBatch batch, BufferAllocator allocator) {
            int rows = batch.rowCount();
            long max = Long.MIN_VALUE;
            if (rows == 0) {
                return max;
            }
            try (RowBatch wm = RowBatch.allocate(resultType, allocator, rows)) {
                int written = ((BatchCalc) kernel).process(batch.root(), rows, new ValueVector[] {wm.vector(0)});
                TimeStampVector v = (TimeStampVector) wm.vector(0);
                for (int i = 0; i < written; i++) {
                    if (!v.isNull(i)) {
                        max = Math.max(max, v.get(i));
                    }
                }
            }
            return max;
        }

        @Override
        public void close() throws Exception {
            Object k = kernel;
            kernel = null;
            io.sluice.runtime.generated.UserFunctionLifecycle.close(k);
        }
    }
}
