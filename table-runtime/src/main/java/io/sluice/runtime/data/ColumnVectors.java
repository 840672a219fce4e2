package io.sluice.runtime.data;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Loose sets of column vectors, one per field of a {@link RowType}, as operator state keeps them
 * (append-only row stores that outlive the batches they copy from): allocation and release.
 */
public final class ColumnVectors {
    private ColumnVectors() {
    }

    /**
     * Empty vectors for the fields of {@code type}, every one nullable, with room for {@code capacity}
     * values; the caller owns them. Nothing is left allocated when this throws.
     */
    public static FieldVector[] allocateNullable(RowType type, BufferAllocator allocator, int capacity) {
        FieldVector[] vs = new FieldVector[type.size()];
        try {
            for (int c = 0; c < vs.length; c++) {
                vs[c] = ArrowTypes.toField(type.name(c), type.type(c).copy(true)).createVector(allocator);
                vs[c].setInitialCapacity(capacity);
                vs[c].allocateNew();
            }
        } catch (RuntimeException e) {
            closeAll(vs);
            throw e;
        }
        return vs;
    }

    /** Closes every non-null vector of {@code vs} (which may be null). */
    public static void closeAll(FieldVector[] vs) {
        if (vs == null) {
            return;
        }
        for (FieldVector v : vs) {
            if (v != null) {
                v.close();
            }
        }
    }
}
