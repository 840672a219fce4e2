package io.sluice.runtime.operator.join;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds the batches a join's residual condition is evaluated on: candidate pairs of (input row, other-side row)
 * gathered into the left columns followed by the right columns. Only the columns the condition reads are gathered
 * (the generated predicate's {@link io.sluice.runtime.generated.GeneratedClass#inputColumns}); the others are
 * empty vectors that hold no buffers, so a condition on two timestamps does not copy the pairs' strings.
 */
final class JoinPairBatch {
    private final RowType pairType;
    private final List<Field> fields;
    private final Schema schema;
    private final int leftColumns;
    private final boolean[] read;

    /**
     * Pairs of {@code leftType} and {@code rightType} rows for a condition that reads the pair columns
     * {@code inputColumns} (null: every column).
     */
    JoinPairBatch(RowType leftType, RowType rightType, int[] inputColumns) {
        this.pairType = concat(leftType, rightType);
        this.leftColumns = leftType.size();
        this.fields = new ArrayList<>(pairType.size());
        for (int c = 0; c < pairType.size(); c++) {
            fields.add(ArrowTypes.toField(pairType.name(c), pairType.type(c)));
        }
        this.schema = new Schema(fields);
        this.read = new boolean[pairType.size()];
        if (inputColumns == null) {
            java.util.Arrays.fill(read, true);
        } else {
            for (int c : inputColumns) {
                read[c] = true;
            }
        }
    }

    /** The left type's columns followed by the right type's. */
    static RowType concat(RowType left, RowType right) {
        List<String> names = new ArrayList<>(left.names());
        names.addAll(right.names());
        List<LogicalType> types = new ArrayList<>(left.types());
        types.addAll(right.types());
        return new RowType(names, types);
    }

    /** Whether pair column {@code column} is gathered (the condition reads it). */
    boolean reads(int column) {
        return read[column];
    }

    /**
     * The {@code n} pairs ({@code inputRows[k]} of {@code input}, {@code otherRows[k]} of {@code other}) as a batch of
     * the pair type, {@code inputIsLeft} telling which side the input is; the caller closes it.
     */
    VectorSchemaRoot gather(FieldVector[] input, int[] inputRows, FieldVector[] other, int[] otherRows,
            boolean inputIsLeft, int n, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (int c = 0; c < fields.size(); c++) {
                FieldVector v = fields.get(c).createVector(allocator);
                vectors.add(v);
                if (!read[c]) {
                    continue;
                }
                v.setInitialCapacity(n);
                v.allocateNew();
                boolean fromLeft = c < leftColumns;
                int column = fromLeft ? c : c - leftColumns;
                if (fromLeft == inputIsLeft) {
                    VectorGather.gather(input[column], inputRows, n, v, 0);
                } else {
                    VectorGather.gather(other[column], otherRows, n, v, 0);
                }
                v.setValueCount(n);
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(schema, vectors, n);
    }
}
