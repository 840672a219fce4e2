package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;

/**
 * The output vector of one window function, indexed by buffer row, with setters that convert a
 * computed number to the function's declared result type (integral results truncate, decimals round
 * half-up to the result scale and become NULL when they overflow the precision, as in Flink).
 *
 * <p>Rows are computed in window order, not row order. Fixed-width vectors take values at any index,
 * but a variable-width vector (strings, bytes) must be written in index order, so its values are
 * staged and written by {@link #finish(int)}.
 */
final class ResultColumn implements AutoCloseable {
    final FieldVector vector;
    final LogicalType type;

    /** Staged values of a variable-width result, by row (null = NULL). */
    private final Object[] staged;

    ResultColumn(FieldVector vector, LogicalType type, int rows) {
        this.vector = vector;
        this.type = type;
        vector.setInitialCapacity(Math.max(rows, 1));
        vector.allocateNew();
        this.staged = vector instanceof org.apache.arrow.vector.BaseFixedWidthVector
                || vector instanceof NullVector ? null : new Object[rows];
    }

    void setNull(int row) {
        if (staged != null) {
            staged[row] = null;
            return;
        }
        VectorValues.setNull(vector, row);
    }

    /** Writes staged values in row order and sets the value count; call once all rows are computed. */
    void finish(int rows) {
        if (staged != null) {
            for (int i = 0; i < rows; i++) {
                VectorValues.set(type, vector, i, staged[i]);
            }
        }
        vector.setValueCount(rows);
    }

    void setLong(int row, long v) {
        switch (type.root()) {
            case TINYINT:
                ((TinyIntVector) vector).setSafe(row, (byte) v);
                break;
            case SMALLINT:
                ((SmallIntVector) vector).setSafe(row, (short) v);
                break;
            case INTEGER:
                ((IntVector) vector).setSafe(row, (int) v);
                break;
            case BIGINT:
                ((BigIntVector) vector).setSafe(row, v);
                break;
            case FLOAT:
                ((Float4Vector) vector).setSafe(row, (float) v);
                break;
            case DOUBLE:
                ((Float8Vector) vector).setSafe(row, (double) v);
                break;
            case DECIMAL:
                setDecimal(row, BigDecimal.valueOf(v));
                break;
            default:
                if (staged != null) {
                    throw new IllegalStateException("a number " + v + " for a " + type + " window result");
                }
                VectorValues.set(type, vector, row, v);
        }
    }

    void setDouble(int row, double v) {
        switch (type.root()) {
            case FLOAT:
                ((Float4Vector) vector).setSafe(row, (float) v);
                break;
            case DOUBLE:
                ((Float8Vector) vector).setSafe(row, v);
                break;
            case DECIMAL:
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    setNull(row);
                } else {
                    setDecimal(row, BigDecimal.valueOf(v));
                }
                break;
            default:
                setLong(row, (long) v);
        }
    }

    void setDecimal(int row, BigDecimal v) {
        switch (type.root()) {
            case DECIMAL: {
                BigDecimal d = v.setScale(type.scale(), RoundingMode.HALF_UP);
                if (d.precision() > type.precision()) {
                    setNull(row);
                } else {
                    ((DecimalVector) vector).setSafe(row, d);
                }
                break;
            }
            case FLOAT:
            case DOUBLE:
                setDouble(row, v.doubleValue());
                break;
            default:
                setLong(row, v.longValue());
        }
    }

    /** Writes the external Java value {@code v} of the result type (null: NULL) at {@code row}. */
    void setObject(int row, Object v) {
        if (staged != null) {
            staged[row] = v;
        } else if (v == null) {
            setNull(row);
        } else if (!(vector instanceof NullVector)) {
            VectorValues.set(type, vector, row, v);
        }
    }

    /** Copies {@code src[srcRow]} (same type family as the result) to {@code row}. */
    void copy(ValueVector src, int srcRow, int row) {
        if (staged != null) {
            staged[row] = VectorValues.get(type, src, srcRow);
            return;
        }
        if (!(vector instanceof NullVector)) {
            vector.copyFromSafe(srcRow, row, src);
        }
    }

    @Override
    public void close() {
        vector.close();
    }
}
