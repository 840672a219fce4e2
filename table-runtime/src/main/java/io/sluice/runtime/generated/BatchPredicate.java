package io.sluice.runtime.generated;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A boolean condition over one batch, implemented by generated code: writes the indexes of the rows
 * for which the condition is TRUE (not FALSE, not NULL) into {@code selection}, in ascending order,
 * and returns how many there are.
 */
public interface BatchPredicate {
    int filter(VectorSchemaRoot input, int rowCount, int[] selection);

    /**
     * Tells the kernel the watermark its operator has received (epoch millis), for CURRENT_WATERMARK; called from
     * the operator's thread between batches. The default ignores it (kernels that do not read it).
     */
    default void setCurrentWatermark(long watermark) {
    }
}
