package io.sluice.runtime.generated;

import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A fused filter and projection over one batch, implemented by generated code. Rows of
 * {@code input} that pass the filter (all rows when there is none) are projected into
 * {@code outputs} at consecutive positions starting at 0.
 *
 * <p>The caller allocates each output vector with room for {@code rowCount} values; implementations
 * write with direct setters for fixed-width vectors and safe setters for variable-width ones, and do
 * not set value counts.
 */
public interface BatchCalc {
    /** Returns the number of output rows written. */
    int process(VectorSchemaRoot input, int rowCount, ValueVector[] outputs);

    /**
     * Tells the kernel the watermark its operator has received (epoch millis), for CURRENT_WATERMARK; called from
     * the operator's thread between batches. The default ignores it (kernels that do not read it).
     */
    default void setCurrentWatermark(long watermark) {
    }
}
