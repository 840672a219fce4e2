package io.sluice.connector.datagen;

import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * A numeric sequence: row {@code i} gets {@code start + firstOrdinal + i * step}. The factory has
 * checked that {@code start..end} fits the column type; the reader never asks past {@code end}.
 * DECIMAL values are the integers of the sequence at the column's scale.
 */
final class SequenceNumberColumn implements ColumnGenerator {
    private static final int MAX_LONG_SCALE = 18;

    private final long start;
    private final int scale;
    private final long scaleFactor;

    SequenceNumberColumn(FieldSpec spec) {
        this.start = spec.start();
        this.scale = spec.type().scale();
        this.scaleFactor = scale <= MAX_LONG_SCALE ? BigDecimal.ONE.movePointRight(scale).longValueExact() : 0;
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        long first = start + firstOrdinal;
        if (vector instanceof TinyIntVector) {
            TinyIntVector v = (TinyIntVector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, (byte) (first + (long) i * step));
            }
        } else if (vector instanceof SmallIntVector) {
            SmallIntVector v = (SmallIntVector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, (short) (first + (long) i * step));
            }
        } else if (vector instanceof IntVector) {
            IntVector v = (IntVector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, (int) (first + (long) i * step));
            }
        } else if (vector instanceof BigIntVector) {
            BigIntVector v = (BigIntVector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, first + (long) i * step);
            }
        } else if (vector instanceof Float4Vector) {
            Float4Vector v = (Float4Vector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, (float) (first + (long) i * step));
            }
        } else if (vector instanceof Float8Vector) {
            Float8Vector v = (Float8Vector) vector;
            for (int i = 0; i < rows; i++) {
                v.set(i, (double) (first + (long) i * step));
            }
        } else {
            fillDecimal((DecimalVector) vector, rows, first, step);
        }
    }

    private void fillDecimal(DecimalVector v, int rows, long first, int step) {
        if (scale > MAX_LONG_SCALE) {
            // 10^scale does not fit a long; only tiny integers fit such a column, so go through BigDecimal.
            for (int i = 0; i < rows; i++) {
                v.set(i, BigDecimal.valueOf(first + (long) i * step).setScale(scale));
            }
            return;
        }
        ArrowBuf data = v.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            long value = first + (long) i * step;
            long offset = (long) i * DecimalVector.TYPE_WIDTH;
            data.setLong(offset, value * scaleFactor);
            data.setLong(offset + 8, Math.multiplyHigh(value, scaleFactor));
            v.setIndexDefined(i);
        }
    }
}
