package io.sluice.connector.datagen;

import io.sluice.runtime.types.TypeRoot;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A sequence in a string or byte-string column, as Flink writes it: CHAR/VARCHAR get the decimal text
 * of each number, BINARY/VARBINARY its 8 bytes big-endian. Digits are written into a reused scratch
 * array, so no String is created per row.
 */
final class SequenceTextColumn implements ColumnGenerator {
    private final long start;
    private final boolean text;
    private final byte[] scratch = new byte[20];

    SequenceTextColumn(FieldSpec spec) {
        this.start = spec.start();
        TypeRoot root = spec.type().root();
        this.text = root == TypeRoot.CHAR || root == TypeRoot.VARCHAR;
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
        long first = start + firstOrdinal;
        for (int i = 0; i < rows; i++) {
            long value = first + (long) i * step;
            if (text) {
                int len = writeDecimal(value);
                v.setSafe(i, scratch, scratch.length - len, len);
            } else {
                for (int b = 0; b < 8; b++) {
                    scratch[b] = (byte) (value >>> (56 - 8 * b));
                }
                v.setSafe(i, scratch, 0, 8);
            }
        }
    }

    /** Writes the decimal digits of {@code value} right-aligned into the scratch array; returns their count. */
    private int writeDecimal(long value) {
        int pos = scratch.length;
        boolean negative = value < 0;
        // Work with the negative magnitude so Long.MIN_VALUE needs no special case.
        long n = negative ? value : -value;
        do {
            scratch[--pos] = (byte) ('0' - (n % 10));
            n /= 10;
        } while (n != 0);
        if (negative) {
            scratch[--pos] = '-';
        }
        return scratch.length - pos;
    }
}
