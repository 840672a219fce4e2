package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;

/**
 * The argument vectors of a user-defined function's call over some buffer rows: the input columns it reads, and for
 * each literal argument a vector holding the literal in every row (so the generated invoker reads every argument at
 * the same row index). Closing releases the literal vectors.
 */
final class UserArgs implements AutoCloseable {
    private final FieldVector[] vectors;
    private final List<FieldVector> owned = new ArrayList<>();

    UserArgs(OverFunctionSpec spec, ValueVector[] inputs, int rows, BufferAllocator allocator) {
        vectors = new FieldVector[spec.argCount()];
        try {
            for (int i = 0; i < vectors.length; i++) {
                int field = spec.argField(i);
                if (field >= 0) {
                    vectors[i] = (FieldVector) inputs[field];
                } else {
                    vectors[i] = constant(spec.argTypes().get(i), spec.constantArg(-field - 1), rows, allocator);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private FieldVector constant(LogicalType type, Object value, int rows, BufferAllocator allocator) {
        FieldVector v = ArrowTypes.toField("literal", type).createVector(allocator);
        owned.add(v);
        v.setInitialCapacity(Math.max(rows, 1));
        v.allocateNew();
        for (int r = 0; r < rows; r++) {
            VectorValues.set(type, v, r, value);
        }
        v.setValueCount(rows);
        return v;
    }

    FieldVector[] vectors() {
        return vectors;
    }

    @Override
    public void close() {
        for (FieldVector v : owned) {
            v.close();
        }
        owned.clear();
    }
}
