package io.sluice.runtime.operator.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/** Typed reads of vector buffers and writes of primitive results into result vectors. */
final class Values {
    private Values() {
    }

    static boolean isNull(ArrowBuf validity, int row) {
        return BitVectorHelper.get(validity, row) == 0;
    }

    /** Byte width of a fixed-width integral-like vector (1, 2, 4 or 8). */
    static int width(FieldVector v) {
        return ((BaseFixedWidthVector) v).getTypeWidth();
    }

    /** The two's complement value at {@code row} of a fixed-width vector of {@code width} bytes. */
    static long readLong(ArrowBuf data, int width, int row) {
        switch (width) {
            case 1:
                return data.getByte(row);
            case 2:
                return data.getShort((long) row * 2);
            case 4:
                return data.getInt((long) row * 4);
            default:
                return data.getLong((long) row * 8);
        }
    }

    /** Writes an integral (or temporal, or boolean 0/1) value into a result vector of any numeric type. */
    static void writeLong(FieldVector out, int i, long v) {
        switch (out.getMinorType()) {
            case BIT:
                ((BitVector) out).set(i, v != 0 ? 1 : 0);
                break;
            case TINYINT:
                ((TinyIntVector) out).set(i, (byte) v);
                break;
            case SMALLINT:
                ((SmallIntVector) out).set(i, (short) v);
                break;
            case INT:
                ((IntVector) out).set(i, (int) v);
                break;
            case BIGINT:
                ((BigIntVector) out).set(i, v);
                break;
            case DATEDAY:
                ((DateDayVector) out).set(i, (int) v);
                break;
            case TIMEMILLI:
                ((TimeMilliVector) out).set(i, (int) v);
                break;
            case TIMESTAMPMILLI:
            case TIMESTAMPMILLITZ:
            case TIMESTAMPMICRO:
            case TIMESTAMPMICROTZ:
            case TIMESTAMPNANO:
            case TIMESTAMPNANOTZ:
                ((TimeStampVector) out).set(i, v);
                break;
            case INTERVALYEAR:
                ((IntervalYearVector) out).set(i, (int) v);
                break;
            case DURATION:
                ((DurationVector) out).set(i, v);
                break;
            case FLOAT4:
                ((Float4Vector) out).set(i, (float) v);
                break;
            case FLOAT8:
                ((Float8Vector) out).set(i, (double) v);
                break;
            case DECIMAL:
                writeDecimal((DecimalVector) out, i, BigDecimal.valueOf(v));
                break;
            default:
                throw new IllegalArgumentException("cannot write an integer into " + out.getField());
        }
    }

    /** Writes a floating-point value into a FLOAT, DOUBLE or DECIMAL result vector. */
    static void writeDouble(FieldVector out, int i, double v) {
        switch (out.getMinorType()) {
            case FLOAT4:
                ((Float4Vector) out).set(i, (float) v);
                break;
            case FLOAT8:
                ((Float8Vector) out).set(i, v);
                break;
            case DECIMAL:
                if (Double.isFinite(v)) {
                    writeDecimal((DecimalVector) out, i, BigDecimal.valueOf(v));
                }
                break;
            default:
                throw new IllegalArgumentException("cannot write a floating-point value into " + out.getField());
        }
    }

    /**
     * Writes a decimal rounded (HALF_UP) to the vector's scale; a value with more digits than the
     * vector's precision is written as NULL, as Flink does on decimal overflow.
     */
    static void writeDecimal(DecimalVector out, int i, BigDecimal v) {
        BigDecimal scaled = v.setScale(out.getScale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > out.getPrecision() - out.getScale()) {
            return;
        }
        out.set(i, scaled);
    }

    /** The 128-bit two's complement integer {@code hi:lo} as a BigInteger. */
    static BigInteger toBigInteger(long hi, long lo) {
        byte[] bytes = new byte[16];
        for (int k = 0; k < 8; k++) {
            bytes[k] = (byte) (hi >>> (56 - 8 * k));
            bytes[8 + k] = (byte) (lo >>> (56 - 8 * k));
        }
        return new BigInteger(bytes);
    }
}
