package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.TextParser;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decodes one CSV file straight into Arrow vectors. {@link CsvRecordScanner} finds the fields of a record in
 * the read buffer; only the projected fields are then parsed, from bytes, and written with raw buffer writes
 * (capacity is ensured per batch for fixed-width vectors and per value for variable-width data).
 *
 * <p>Values: an empty unquoted or quoted field is NULL for non-string types and the empty string for
 * strings; a field equal to {@code null-literal} is NULL. A record with the wrong number of fields or an
 * unterminated quote is malformed; a value that does not parse fails the read with a message naming the
 * column, the text, the file and the line, or (with {@code ignore-parse-errors}) becomes NULL, while
 * malformed records are then skipped and counted.
 */
final class CsvDecoder implements RecordDecoder {
    private static final int K_NULL = 0;
    private static final int K_BOOLEAN = 1;
    private static final int K_TINYINT = 2;
    private static final int K_SMALLINT = 3;
    private static final int K_INT = 4;
    private static final int K_BIGINT = 5;
    private static final int K_FLOAT = 6;
    private static final int K_DOUBLE = 7;
    private static final int K_DECIMAL = 8;
    private static final int K_STRING = 9;
    private static final int K_BINARY = 10;
    private static final int K_DATE = 11;
    private static final int K_TIME = 12;
    private static final int K_TIMESTAMP = 13;
    private static final int K_TIMESTAMP_LTZ = 14;

    private final InputStream in;
    private final String fileName;
    private final CsvRecordScanner scanner;
    private final int physicalFieldCount;
    private final boolean ignoreParseErrors;
    private final byte[] nullLiteral;
    private final TextParser parser = new TextParser();

    private final int[] fields;
    private final int[] kinds;
    private final LogicalType[] types;
    private final String[] names;

    private final FieldVector[] vectors;
    private final ArrowBuf[] data;
    private final ArrowBuf[] validity;
    private final ArrowBuf[] offsets;
    private final long[] varEnd;
    /**
     * Bytes of variable-width values decoded in the current {@link #decode} call, per column: copied with
     * {@code System.arraycopy} per value and into the Arrow data buffer in one bulk copy per call.
     */
    private final byte[][] staged;
    private final int[] stagedLength;
    private final long[] stagedBase;
    private long skipped;

    CsvDecoder(InputStream in, String fileName, CsvFormatConfig config, RowType physicalType, int[] projectedFields) {
        this.in = in;
        this.fileName = fileName;
        this.physicalFieldCount = physicalType.size();
        this.scanner = new CsvRecordScanner(in, config, physicalFieldCount);
        this.ignoreParseErrors = config.ignoreParseErrors;
        this.nullLiteral = config.nullLiteral;
        int n = projectedFields.length;
        this.fields = projectedFields.clone();
        this.kinds = new int[n];
        this.types = new LogicalType[n];
        this.names = new String[n];
        for (int c = 0; c < n; c++) {
            types[c] = physicalType.type(fields[c]);
            names[c] = physicalType.name(fields[c]);
            kinds[c] = kindOf(types[c]);
        }
        this.vectors = new FieldVector[n];
        this.data = new ArrowBuf[n];
        this.validity = new ArrowBuf[n];
        this.offsets = new ArrowBuf[n];
        this.varEnd = new long[n];
        this.staged = new byte[n][];
        this.stagedLength = new int[n];
        this.stagedBase = new long[n];
    }

    /** The decoder's code for a column type; throws for types the csv format cannot read. */
    static int kindOf(LogicalType type) {
        switch (type.root()) {
            case NULL:
                return K_NULL;
            case BOOLEAN:
                return K_BOOLEAN;
            case TINYINT:
                return K_TINYINT;
            case SMALLINT:
                return K_SMALLINT;
            case INTEGER:
                return K_INT;
            case BIGINT:
                return K_BIGINT;
            case FLOAT:
                return K_FLOAT;
            case DOUBLE:
                return K_DOUBLE;
            case DECIMAL:
                return K_DECIMAL;
            case CHAR:
            case VARCHAR:
                return K_STRING;
            case BINARY:
            case VARBINARY:
                return K_BINARY;
            case DATE:
                return K_DATE;
            case TIME:
                return K_TIME;
            case TIMESTAMP:
                return K_TIMESTAMP;
            case TIMESTAMP_LTZ:
                return K_TIMESTAMP_LTZ;
            default:
                throw new io.sluice.table.api.UnsupportedFeatureException("csv format for type " + type.typeName());
        }
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int row = batch.rowCount();
        bind(batch, maxRows, row);
        boolean more = true;
        while (row < maxRows) {
            if (!scanner.next()) {
                more = false;
                break;
            }
            if (scanner.malformed() != null || scanner.fieldCount() != physicalFieldCount) {
                if (ignoreParseErrors) {
                    skipped++;
                    continue;
                }
                String why = scanner.malformed() != null ? scanner.malformed()
                        : "expected " + physicalFieldCount + " fields but found " + scanner.fieldCount();
                throw new TableException("Malformed CSV record at " + fileName + ":" + scanner.recordLine() + ": " + why);
            }
            writeRow(row);
            row++;
        }
        flushStaged();
        for (int c = 0; c < vectors.length; c++) {
            if (vectors[c] instanceof BaseVariableWidthVector) {
                ((BaseVariableWidthVector) vectors[c]).setLastSet(row - 1);
            }
        }
        batch.setRowCount(row);
        return more;
    }

    private void bind(RowBatch batch, int maxRows, int row) {
        for (int c = 0; c < vectors.length; c++) {
            FieldVector v = batch.vector(c);
            vectors[c] = v;
            if (kinds[c] == K_NULL) {
                continue;
            }
            while (v.getValueCapacity() < maxRows) {
                v.reAlloc();
            }
            validity[c] = v.getValidityBuffer();
            data[c] = v.getDataBuffer();
            if (kinds[c] == K_STRING || kinds[c] == K_BINARY) {
                offsets[c] = v.getOffsetBuffer();
                varEnd[c] = offsets[c].getInt((long) row * 4);
                stagedBase[c] = varEnd[c];
                stagedLength[c] = 0;
                if (staged[c] == null) {
                    staged[c] = new byte[1 << 16];
                }
            }
        }
    }

    /** Moves the staged bytes of every variable-width column into its Arrow data buffer. */
    private void flushStaged() {
        for (int c = 0; c < vectors.length; c++) {
            int n = stagedLength[c];
            if (n == 0) {
                continue;
            }
            BaseVariableWidthVector v = (BaseVariableWidthVector) vectors[c];
            long end = stagedBase[c] + n;
            if (v.getDataBuffer().capacity() < end) {
                v.reallocDataBuffer(end);
            }
            v.getDataBuffer().setBytes(stagedBase[c], staged[c], 0, n);
            stagedLength[c] = 0;
        }
    }

    private void writeRow(int row) {
        final byte[] b = scanner.buffer();
        for (int c = 0; c < fields.length; c++) {
            int f = fields[c];
            int s = scanner.start(f);
            int e = scanner.end(f);
            if ((scanner.flags(f) & CsvRecordScanner.ESCAPED) != 0) {
                e = scanner.unescape(f);
            }
            int kind = kinds[c];
            if ((s == e && kind != K_STRING) || (nullLiteral != null && isNullLiteral(b, s, e))) {
                writeNull(c, row);
                continue;
            }
            switch (kind) {
                case K_STRING:
                    writeBytes(c, row, b, s, e - s);
                    break;
                case K_BIGINT:
                    writeLong(c, row, b, s, e, Long.MIN_VALUE, Long.MAX_VALUE);
                    break;
                case K_INT:
                    writeInt(c, row, b, s, e);
                    break;
                case K_SMALLINT:
                case K_TINYINT:
                    writeSmallInteger(c, row, b, s, e, kind);
                    break;
                case K_DOUBLE:
                case K_FLOAT:
                    writeFloating(c, row, b, s, e, kind);
                    break;
                case K_BOOLEAN:
                    writeBoolean(c, row, b, s, e);
                    break;
                case K_DATE:
                case K_TIME:
                    writeDateOrTime(c, row, b, s, e, kind);
                    break;
                case K_TIMESTAMP:
                case K_TIMESTAMP_LTZ:
                    writeTimestamp(c, row, b, s, e, kind == K_TIMESTAMP_LTZ);
                    break;
                case K_DECIMAL:
                    writeDecimal(c, row, b, s, e);
                    break;
                case K_BINARY:
                    writeBinary(c, row, b, s, e);
                    break;
                default:
                    writeNull(c, row);
            }
        }
    }

    private void writeLong(int c, int row, byte[] b, int s, int e, long min, long max) {
        long v = parser.parseLong(b, s, e, min, max);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            data[c].setLong((long) row << 3, v);
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeInt(int c, int row, byte[] b, int s, int e) {
        long v = parser.parseLong(b, s, e, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            data[c].setInt((long) row << 2, (int) v);
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeSmallInteger(int c, int row, byte[] b, int s, int e, int kind) {
        boolean small = kind == K_SMALLINT;
        long v = parser.parseLong(b, s, e, small ? Short.MIN_VALUE : Byte.MIN_VALUE, small ? Short.MAX_VALUE : Byte.MAX_VALUE);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            if (small) {
                data[c].setShort((long) row << 1, (short) v);
            } else {
                data[c].setByte(row, (byte) v);
            }
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeFloating(int c, int row, byte[] b, int s, int e, int kind) {
        double v = parser.parseDouble(b, s, e);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            if (kind == K_DOUBLE) {
                data[c].setDouble((long) row << 3, v);
            } else {
                data[c].setFloat((long) row << 2, (float) v);
            }
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeBoolean(int c, int row, byte[] b, int s, int e) {
        int v = parser.parseBoolean(b, s, e);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            if (v != 0) {
                BitVectorHelper.setBit(data[c], row);
            } else {
                BitVectorHelper.unsetBit(data[c], row);
            }
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeDateOrTime(int c, int row, byte[] b, int s, int e, int kind) {
        int v = kind == K_DATE ? parser.parseDate(b, s, e) : parser.parseTime(b, s, e);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            data[c].setInt((long) row << 2, v);
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private void writeTimestamp(int c, int row, byte[] b, int s, int e, boolean ltz) {
        long v = parser.parseTimestamp(b, s, e, ltz);
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else {
            data[c].setLong((long) row << 3, v);
            BitVectorHelper.setBit(validity[c], row);
        }
    }

    private boolean isNullLiteral(byte[] b, int s, int e) {
        byte[] lit = nullLiteral;
        if (e - s != lit.length) {
            return false;
        }
        for (int i = 0; i < lit.length; i++) {
            if (b[s + i] != lit[i]) {
                return false;
            }
        }
        return true;
    }

    private void writeDecimal(int c, int row, byte[] b, int s, int e) {
        LogicalType t = types[c];
        int r = parser.parseDecimal(b, s, e, t.precision(), t.scale());
        if (parser.failed()) {
            fieldError(c, row, b, s, e);
        } else if (r == 1) {
            ((DecimalVector) vectors[c]).set(row, parser.decimalUnscaled());
        } else if (r == 2) {
            ((DecimalVector) vectors[c]).set(row, parser.decimalBig());
        } else {
            writeNull(c, row); // more digits than the precision allows: NULL, as in Flink
        }
    }

    private void writeBinary(int c, int row, byte[] b, int s, int e) {
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(b, s, e - s));
        } catch (IllegalArgumentException ex) {
            fieldError(c, row, b, s, e);
            return;
        }
        writeBytes(c, row, decoded.array(), decoded.arrayOffset() + decoded.position(), decoded.remaining());
    }

    private void writeBytes(int c, int row, byte[] src, int s, int len) {
        int at = stagedLength[c];
        byte[] dst = staged[c];
        if (at + len > dst.length) {
            dst = java.util.Arrays.copyOf(dst, Math.max(dst.length * 2, at + len));
            staged[c] = dst;
        }
        System.arraycopy(src, s, dst, at, len);
        stagedLength[c] = at + len;
        long end = varEnd[c] + len;
        if (end > Integer.MAX_VALUE) {
            throw new TableException("More than 2 GB of text in one batch of column '" + names[c] + "' in " + fileName);
        }
        varEnd[c] = end;
        offsets[c].setInt((long) (row + 1) << 2, (int) end);
        BitVectorHelper.setBit(validity[c], row);
    }

    private void writeNull(int c, int row) {
        int kind = kinds[c];
        if (kind == K_NULL) {
            return;
        }
        if (kind == K_STRING || kind == K_BINARY) {
            offsets[c].setInt((long) (row + 1) << 2, (int) varEnd[c]);
        }
        BitVectorHelper.unsetBit(validity[c], row);
    }

    private void fieldError(int c, int row, byte[] b, int s, int e) {
        if (!ignoreParseErrors) {
            throw new TableException("Failed to parse field '" + names[c] + "' (" + types[c].typeName() + ") from '"
                    + new String(b, s, e - s, StandardCharsets.UTF_8) + "' at " + fileName + ":" + scanner.recordLine());
        }
        writeNull(c, row);
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
