package io.sluice.connector.datagen;

import io.sluice.runtime.types.TypeRoot;
import java.util.SplittableRandom;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Random CHAR/VARCHAR values (lower-case hexadecimal characters, as Flink generates) and random
 * BINARY/VARBINARY values (random bytes), of the column's length, or of a random length in
 * {@code 1..length} with {@code var-len}. Values are built in one reused scratch array.
 */
final class RandomBytesColumn implements ColumnGenerator {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SplittableRandom random;
    private final double nullRate;
    private final int length;
    private final boolean varLen;
    private final boolean text;
    private final byte[] scratch;

    RandomBytesColumn(FieldSpec spec, SplittableRandom random) {
        this.random = random;
        this.nullRate = spec.nullRate();
        this.length = spec.length();
        this.varLen = spec.varLen();
        TypeRoot root = spec.type().root();
        this.text = root == TypeRoot.CHAR || root == TypeRoot.VARCHAR;
        this.scratch = new byte[length];
    }

    @Override
    public void fill(FieldVector vector, int rows, long firstOrdinal, int step) {
        BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
        long needed = (long) rows * length;
        if (v.getDataBuffer().capacity() < needed) {
            v.reallocDataBuffer(needed);
        }
        for (int i = 0; i < rows; i++) {
            if (nullRate > 0 && random.nextDouble() < nullRate) {
                v.setNull(i);
                continue;
            }
            int len = varLen ? 1 + random.nextInt(length) : length;
            if (text) {
                fillHex(len);
            } else {
                fillBytes(len);
            }
            v.setSafe(i, scratch, 0, len);
        }
    }

    private void fillHex(int len) {
        int j = 0;
        while (j < len) {
            long bits = random.nextLong();
            for (int k = 0; k < 16 && j < len; k++, j++) {
                scratch[j] = HEX[(int) (bits & 0xF)];
                bits >>>= 4;
            }
        }
    }

    private void fillBytes(int len) {
        int j = 0;
        while (j < len) {
            long bits = random.nextLong();
            for (int k = 0; k < 8 && j < len; k++, j++) {
                scratch[j] = (byte) bits;
                bits >>>= 8;
            }
        }
    }
}
