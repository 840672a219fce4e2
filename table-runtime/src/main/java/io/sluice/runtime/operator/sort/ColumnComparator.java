package io.sluice.runtime.operator.sort;

import io.sluice.runtime.types.LogicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;

/**
 * Compares values of one column between two bound vectors (which may be the same vector). One typed
 * subclass per vector layout, so comparing reads the buffers directly without boxing.
 *
 * <p>Orders: numbers numerically (floating point as {@link Double#compare}, NaN last), DECIMAL by
 * value (both sides have the column's scale), strings and binary by unsigned bytes (for UTF-8 that is
 * code point order, as Flink compares strings), BOOLEAN false before true, date/time types by their
 * epoch value, intervals by length.
 */
public abstract class ColumnComparator {

    /** A comparator for values of {@code type}. */
    public static ColumnComparator forType(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
                return new BooleanComparator();
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR_MONTH:
                return new IntLikeComparator();
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case INTERVAL_DAY_TIME:
                return new LongComparator();
            case FLOAT:
                return new FloatComparator();
            case DOUBLE:
                return new DoubleComparator();
            case DECIMAL:
                return new DecimalComparator();
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return new BytesComparator();
            case NULL:
                return new NullTypeComparator();
            default:
                throw new io.sluice.table.api.UnsupportedFeatureException("ordering values of type " + type);
        }
    }

    /** Makes {@link #compare} read {@code left} for its first and {@code right} for its second row. */
    public abstract void bind(ValueVector left, ValueVector right);

    public abstract boolean leftNull(int i);

    public abstract boolean rightNull(int j);

    /** Compares left row {@code i} with right row {@code j}; both must be non-null. */
    public abstract int compare(int i, int j);

    /** TINYINT, SMALLINT, INT, DATE, TIME and INTERVAL YEAR TO MONTH: widened to long. */
    private static final class IntLikeComparator extends ColumnComparator {
        private BaseFixedWidthVector left;
        private BaseFixedWidthVector right;
        private int width;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (BaseFixedWidthVector) l;
            right = (BaseFixedWidthVector) r;
            width = left.getTypeWidth();
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            ArrowBuf a = left.getDataBuffer();
            ArrowBuf b = right.getDataBuffer();
            switch (width) {
                case 1:
                    return Byte.compare(a.getByte(i), b.getByte(j));
                case 2:
                    return Short.compare(a.getShort((long) i * 2), b.getShort((long) j * 2));
                default:
                    return Integer.compare(a.getInt((long) i * 4), b.getInt((long) j * 4));
            }
        }
    }

    /** BIGINT, TIMESTAMP, TIMESTAMP_LTZ and INTERVAL DAY TO SECOND (8-byte values). */
    private static final class LongComparator extends ColumnComparator {
        private BaseFixedWidthVector left;
        private BaseFixedWidthVector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (BaseFixedWidthVector) l;
            right = (BaseFixedWidthVector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            return Long.compare(left.getDataBuffer().getLong((long) i * 8), right.getDataBuffer().getLong((long) j * 8));
        }
    }

    private static final class FloatComparator extends ColumnComparator {
        private Float4Vector left;
        private Float4Vector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (Float4Vector) l;
            right = (Float4Vector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            return Float.compare(Float4Vector.get(left.getDataBuffer(), i), Float4Vector.get(right.getDataBuffer(), j));
        }
    }

    private static final class DoubleComparator extends ColumnComparator {
        private Float8Vector left;
        private Float8Vector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (Float8Vector) l;
            right = (Float8Vector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            return Double.compare(Float8Vector.get(left.getDataBuffer(), i), Float8Vector.get(right.getDataBuffer(), j));
        }
    }

    private static final class BooleanComparator extends ColumnComparator {
        private BitVector left;
        private BitVector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (BitVector) l;
            right = (BitVector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            return Integer.compare(left.get(i), right.get(j));
        }
    }

    /** 128-bit little-endian two's complement unscaled values of equal scale. */
    private static final class DecimalComparator extends ColumnComparator {
        private DecimalVector left;
        private DecimalVector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (DecimalVector) l;
            right = (DecimalVector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            ArrowBuf a = left.getDataBuffer();
            ArrowBuf b = right.getDataBuffer();
            long ia = (long) i * DecimalVector.TYPE_WIDTH;
            long jb = (long) j * DecimalVector.TYPE_WIDTH;
            int c = Long.compare(a.getLong(ia + 8), b.getLong(jb + 8));
            return c != 0 ? c : Long.compareUnsigned(a.getLong(ia), b.getLong(jb));
        }
    }

    /** Strings and binary strings: unsigned lexicographic bytes. */
    private static final class BytesComparator extends ColumnComparator {
        private BaseVariableWidthVector left;
        private BaseVariableWidthVector right;

        @Override
        public void bind(ValueVector l, ValueVector r) {
            left = (BaseVariableWidthVector) l;
            right = (BaseVariableWidthVector) r;
        }

        @Override
        public boolean leftNull(int i) {
            return left.isNull(i);
        }

        @Override
        public boolean rightNull(int j) {
            return right.isNull(j);
        }

        @Override
        public int compare(int i, int j) {
            ArrowBuf lo = left.getOffsetBuffer();
            ArrowBuf ro = right.getOffsetBuffer();
            long ls = lo.getInt((long) i * 4);
            long le = lo.getInt((long) (i + 1) * 4);
            long rs = ro.getInt((long) j * 4);
            long re = ro.getInt((long) (j + 1) * 4);
            return ByteFunctionHelpers.compare(left.getDataBuffer(), ls, le, right.getDataBuffer(), rs, re);
        }
    }

    /** The NULL type: every value is null. */
    private static final class NullTypeComparator extends ColumnComparator {
        @Override
        public void bind(ValueVector l, ValueVector r) {
        }

        @Override
        public boolean leftNull(int i) {
            return true;
        }

        @Override
        public boolean rightNull(int j) {
            return true;
        }

        @Override
        public int compare(int i, int j) {
            return 0;
        }
    }
}
