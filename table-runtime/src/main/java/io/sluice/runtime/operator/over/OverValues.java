package io.sluice.runtime.operator.over;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;

/** Typed reads of single values from Arrow buffers, shared by the window functions. */
final class OverValues {
    private OverValues() {
    }

    /** The signed integer of {@code width} bytes (1, 2, 4 or 8) at {@code row}. */
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

    /** Low 64 bits of the 128-bit unscaled decimal at {@code row}. */
    static long decimalLow(ArrowBuf data, int row) {
        return data.getLong((long) row * DecimalVector.TYPE_WIDTH);
    }

    /** High 64 bits (sign included) of the 128-bit unscaled decimal at {@code row}. */
    static long decimalHigh(ArrowBuf data, int row) {
        return data.getLong((long) row * DecimalVector.TYPE_WIDTH + 8);
    }

    /** The decimal {@code (high:low) * 10^-scale}. */
    static BigDecimal toBigDecimal(long high, long low, int scale) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigDecimal(new BigInteger(bytes), scale);
    }
}
