package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.TextParser;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decodes one CSV file straight into Arrow vectors, a block of records at a time: {@link CsvRecordScanner}
 * first records the field offsets of up to {@value #BLOCK} records (respecting quotes), then each projected
 * column is decoded over the whole block by a loop specialised for its type, parsing from the bytes (no
 * {@code String}) and writing with raw buffer writes; strings are copied straight into the vector's data
 * buffer, which is grown once to the batch's extrapolated need. Blocks are small enough for their bytes to
 * stay in the CPU cache between the scan and the column loops. Plain records (see
 * {@link CsvRecordScanner#nextPlain}) are scanned 64 bytes at a time, others by the general scan; integers of
 * up to 16 unsigned digits are parsed 8 digits at a time, anything else by {@link TextParser}.
 *
 * <p>Values: an empty unquoted or quoted field is NULL for non-string types and the empty string for
 * strings; a field equal to {@code null-literal} is NULL. A record with the wrong number of fields or an
 * unterminated quote is malformed; a value that does not parse fails the read with a message naming the
 * column, the text, the file and the line, or (with {@code ignore-parse-errors}) becomes NULL, while
 * malformed records are then skipped and counted. When several records are bad, the error reported is the
 * first in file order. ARRAY and ROW columns are read as {@link CsvCollections} describes; a nested value
 * that does not parse fails the read (or becomes NULL) like any other value.
 */
final class CsvDecoder implements RecordDecoder {
    /** Records scanned before their columns are decoded. */
    static final int BLOCK = 512;
    /** At most this many records are scanned by the general scan before the plain scan is tried again. */
    private static final int MAX_SLOW_RUN = 64;
    /** A string column's data buffer is sized from the batch's rows so far up to this many bytes. */
    private static final long MAX_ESTIMATED_BYTES = 1 << 24;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code '0'} in every byte. */
    private static final long ZEROS = 0x3030303030303030L;

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
    /** An ARRAY or ROW of scalars (see {@link CsvCollections}). */
    private static final int K_CONSTRUCTED = 15;

    private final InputStream in;
    private final String fileName;
    private final CsvRecordScanner scanner;
    private final int physicalFieldCount;
    private final boolean ignoreParseErrors;
    private final byte[] nullLiteral;
    private final TextParser parser = new TextParser();
    private final CsvCollections collections;

    private final int[] fields;
    private final int[] kinds;
    private final LogicalType[] types;
    private final String[] names;

    private final FieldVector[] vectors;
    private final ArrowBuf[] data;
    private final ArrowBuf[] validity;
    private final ArrowBuf[] offsets;
    private final long[] varEnd;
    /** Line of each record of the current block. */
    private final long[] lines = new long[BLOCK];
    private long skipped;
    /** Records left to scan with the general scan; and how many it was given last time. */
    private int slowRecords;
    private int slowRun;
    private boolean plainScan = true;

    /** The first failing value of the current block (row-major order): block row, or BLOCK when none. */
    private int errorRow;
    private int errorColumn;
    private String errorText;
    /** The batch row of the block's first record. */
    private int blockRow0;
    /** The number of rows the current batch is filled to. */
    private int batchRows;

    CsvDecoder(InputStream in, String fileName, CsvFormatConfig config, RowType physicalType, int[] projectedFields) {
        this.in = in;
        this.fileName = fileName;
        this.physicalFieldCount = physicalType.size();
        this.scanner = new CsvRecordScanner(in, config, physicalFieldCount, BLOCK);
        this.ignoreParseErrors = config.ignoreParseErrors;
        this.nullLiteral = config.nullLiteral;
        this.collections = new CsvCollections(config.arrayElementDelimiter, config.nullLiteral);
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
            case ARRAY:
            case ROW:
                return K_CONSTRUCTED; // nesting is checked by CsvCollections.checkColumns
            default:
                throw new io.sluice.table.api.UnsupportedFeatureException("csv format for type " + type.typeName());
        }
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int row = batch.rowCount();
        bind(batch, maxRows, row);
        boolean more = true;
        while (row < maxRows && more) {
            int limit = Math.min(BLOCK, maxRows - row);
            int n = 0;
            String malformed = null;
            long malformedLine = 0;
            while (n < limit) {
                if (slowRecords == 0 && plainScan) {
                    long line0 = scanner.line();
                    int k = scanner.nextPlain(n, limit - n);
                    for (int j = 0; j < k; j++) {
                        lines[n + j] = line0 + j;
                    }
                    n += k;
                    if (k > 0) {
                        slowRun = 0;
                        continue;
                    }
                    // not plain (quotes, CR, ...) or at the buffer end: the general scan, for more records
                    // each time in a row this happens
                    slowRun = Math.min(Math.max(1, slowRun * 2), MAX_SLOW_RUN);
                    slowRecords = slowRun;
                }
                slowRecords--;
                int status = scanner.next(n);
                if (status == CsvRecordScanner.RECORD) {
                    if (scanner.malformed() != null || scanner.fieldCount() != physicalFieldCount) {
                        if (ignoreParseErrors) {
                            skipped++;
                            continue;
                        }
                        malformed = scanner.malformed() != null ? scanner.malformed()
                                : "expected " + physicalFieldCount + " fields but found " + scanner.fieldCount();
                        malformedLine = scanner.recordLine();
                        break;
                    }
                    lines[n++] = scanner.recordLine();
                } else if (status == CsvRecordScanner.END) {
                    more = false;
                    break;
                } else if (n > 0) {
                    break; // decode the block before the scanner moves its bytes
                } else {
                    scanner.fill();
                }
            }
            decodeBlock(row, n);
            row += n;
            if (malformed != null) {
                throw new TableException("Malformed CSV record at " + fileName + ":" + malformedLine + ": " + malformed);
            }
        }
        for (int c = 0; c < vectors.length; c++) {
            if (vectors[c] instanceof BaseVariableWidthVector) {
                ((BaseVariableWidthVector) vectors[c]).setLastSet(row - 1);
            }
        }
        batch.setRowCount(row);
        return more;
    }

    private void bind(RowBatch batch, int maxRows, int row) {
        batchRows = maxRows;
        for (int c = 0; c < vectors.length; c++) {
            FieldVector v = batch.vector(c);
            vectors[c] = v;
            if (kinds[c] == K_NULL || kinds[c] == K_CONSTRUCTED) {
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
            }
        }
    }

    /** Decodes the {@code n} scanned records of the block into rows {@code row0 ..} of every column. */
    private void decodeBlock(int row0, int n) {
        if (n == 0) {
            return;
        }
        errorRow = n;
        blockRow0 = row0;
        for (int c = 0; c < fields.length; c++) {
            int kind = kinds[c];
            if (kind == K_NULL) {
                continue;
            }
            if (kind == K_CONSTRUCTED) {
                constructedColumn(c, row0);
                continue;
            }
            setValid(validity[c], row0, row0 + n);
            switch (kind) {
                case K_STRING:
                    stringColumn(c, row0);
                    break;
                case K_BIGINT:
                case K_INT:
                case K_SMALLINT:
                case K_TINYINT:
                    integerColumn(c, row0, kind);
                    break;
                case K_TIMESTAMP:
                case K_TIMESTAMP_LTZ:
                    timestampColumn(c, row0, kind == K_TIMESTAMP_LTZ);
                    break;
                default:
                    otherColumn(c, row0);
            }
        }
        if (errorRow < n) {
            throw new TableException("Failed to parse field '" + names[errorColumn] + "' (" + types[errorColumn].typeName()
                    + ") from '" + errorText + "' at " + fileName + ":" + lines[errorRow]);
        }
    }

    /** Sets the validity bits of rows {@code [from, to)}; NULLs are unset afterwards. */
    private static void setValid(ArrowBuf validity, int from, int to) {
        int i = from;
        for (; i < to && (i & 7) != 0; i++) {
            BitVectorHelper.setBit(validity, i);
        }
        for (; i + 8 <= to; i += 8) {
            validity.setByte(i >>> 3, 0xFF);
        }
        for (; i < to; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }

    /** The end of field {@code idx} after removing its escapes (when it has any). */
    private int fieldEnd(int idx, byte[] flags, int[] ends) {
        return (flags[idx] & CsvRecordScanner.ESCAPED) != 0 ? scanner.unescape(idx) : ends[idx];
    }

    private void integerColumn(int c, int row0, int kind) {
        final byte[] b = scanner.buffer();
        final int[] starts = scanner.starts();
        final int[] ends = scanner.ends();
        final byte[] flags = scanner.flags();
        final ArrowBuf out = data[c];
        final ArrowBuf valid = validity[c];
        final int f = fields[c];
        final int stride = physicalFieldCount;
        final long min = kind == K_BIGINT ? Long.MIN_VALUE : kind == K_INT ? Integer.MIN_VALUE
                : kind == K_SMALLINT ? Short.MIN_VALUE : Byte.MIN_VALUE;
        final long max = kind == K_BIGINT ? Long.MAX_VALUE : kind == K_INT ? Integer.MAX_VALUE
                : kind == K_SMALLINT ? Short.MAX_VALUE : Byte.MAX_VALUE;
        final int n = errorRow;
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            int s = starts[idx];
            int e = fieldEnd(idx, flags, ends);
            int row = row0 + i;
            if (s == e || (nullLiteral != null && isNullLiteral(b, s, e))) {
                BitVectorHelper.unsetBit(valid, row);
                continue;
            }
            long v = 0;
            int len = e - s;
            boolean plain;
            if (len <= 8 && e >= 8) {
                long w = padDigits((long) LONGS.get(b, e - 8), len);
                plain = allDigits(w);
                v = eightDigits(w);
            } else if (len <= 16 && e >= 16) {
                long hi = padDigits((long) LONGS.get(b, e - 16), len - 8);
                long lo = (long) LONGS.get(b, e - 8);
                plain = allDigits(hi) & allDigits(lo);
                v = eightDigits(hi) * 100_000_000L + eightDigits(lo);
            } else {
                plain = len <= 18;
                for (int k = s; k < e && plain; k++) {
                    int d = b[k] - '0';
                    plain = d >= 0 && d <= 9;
                    v = v * 10 + d;
                }
            }
            if (!plain || v > max) {
                v = parser.parseLong(b, s, e, min, max);
                if (parser.failed()) {
                    if (fail(c, i, b, s, e)) {
                        break;
                    }
                    continue;
                }
            }
            switch (kind) {
                case K_BIGINT:
                    out.setLong((long) row << 3, v);
                    break;
                case K_INT:
                    out.setInt((long) row << 2, (int) v);
                    break;
                case K_SMALLINT:
                    out.setShort((long) row << 1, (short) v);
                    break;
                default:
                    out.setByte(row, (byte) v);
            }
        }
    }

    /**
     * Replaces the {@code 8 - len} low bytes of {@code w} (the bytes before a number of {@code len} digits
     * that ends the 8 little-endian bytes) by {@code '0'}.
     */
    private static long padDigits(long w, int len) {
        long keep = -1L << ((8 - len) << 3);
        return (w & keep) | (ZEROS & ~keep);
    }

    /** True when all 8 bytes of {@code w} are ASCII digits. */
    private static boolean allDigits(long w) {
        return ((w & 0xF0F0F0F0F0F0F0F0L) | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** The value of 8 ASCII digits read little-endian (first digit in the lowest byte), with no loop. */
    private static long eightDigits(long w) {
        long v = ((w & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    private void timestampColumn(int c, int row0, boolean ltz) {
        final byte[] b = scanner.buffer();
        final int[] starts = scanner.starts();
        final int[] ends = scanner.ends();
        final byte[] flags = scanner.flags();
        final int precision = types[c].precision();
        final ArrowBuf out = data[c];
        final ArrowBuf valid = validity[c];
        final int f = fields[c];
        final int stride = physicalFieldCount;
        final int n = errorRow;
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            int s = starts[idx];
            int e = fieldEnd(idx, flags, ends);
            int row = row0 + i;
            if (s == e || (nullLiteral != null && isNullLiteral(b, s, e))) {
                BitVectorHelper.unsetBit(valid, row);
                continue;
            }
            long v = parser.parseTimestamp(b, s, e, ltz, precision);
            if (parser.failed()) {
                if (fail(c, i, b, s, e)) {
                    break;
                }
                continue;
            }
            out.setLong((long) row << 3, v);
        }
    }

    private void stringColumn(int c, int row0) {
        final byte[] b = scanner.buffer();
        final int[] starts = scanner.starts();
        final int[] ends = scanner.ends();
        final byte[] flags = scanner.flags();
        final int f = fields[c];
        final int stride = physicalFieldCount;
        final int n = errorRow;
        long total = 0;
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            total += fieldEnd(idx, flags, ends) - starts[idx];
        }
        long end = varEnd[c];
        if (end + total > Integer.MAX_VALUE) {
            throw new TableException("More than 2 GB of text in one batch of column '" + names[c] + "' in " + fileName);
        }
        BaseVariableWidthVector vector = (BaseVariableWidthVector) vectors[c];
        long needed = end + total;
        long capacity = vector.getDataBuffer().capacity();
        if (capacity < needed) {
            // grow once to what the whole batch will likely need, extrapolated from its rows so far (every
            // reallocation copies); past 16 MB, or with no estimate, double as Arrow does
            long expected = (long) (needed / (double) (row0 + n) * batchRows * 1.125);
            long target = expected <= MAX_ESTIMATED_BYTES ? Math.max(needed, expected) : Math.max(needed, capacity * 2);
            vector.reallocDataBuffer(Math.min(target, Integer.MAX_VALUE));
        }
        final ArrowBuf out = vector.getDataBuffer();
        final ArrowBuf offs = offsets[c];
        final ArrowBuf valid = validity[c];
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            int s = starts[idx];
            int e = ends[idx];
            int row = row0 + i;
            if (nullLiteral != null && isNullLiteral(b, s, e)) {
                BitVectorHelper.unsetBit(valid, row);
            } else {
                out.setBytes(end, b, s, e - s);
                end += e - s;
            }
            offs.setInt((long) (row + 1) << 2, (int) end);
        }
        varEnd[c] = end;
    }

    /** The less common types: one value at a time through {@link #writeValue}. */
    private void otherColumn(int c, int row0) {
        final byte[] b = scanner.buffer();
        final int[] starts = scanner.starts();
        final int[] ends = scanner.ends();
        final byte[] flags = scanner.flags();
        final int f = fields[c];
        final int stride = physicalFieldCount;
        final int n = errorRow;
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            int s = starts[idx];
            int e = fieldEnd(idx, flags, ends);
            int row = row0 + i;
            if (s == e || (nullLiteral != null && isNullLiteral(b, s, e))) {
                writeNull(c, row);
            } else if (!writeValue(c, row, b, s, e) && fail(c, i, b, s, e)) {
                break;
            }
        }
    }

    /** ARRAY and ROW values: one external value at a time, through {@link CsvCollections}. */
    private void constructedColumn(int c, int row0) {
        final byte[] b = scanner.buffer();
        final int[] starts = scanner.starts();
        final int[] ends = scanner.ends();
        final byte[] flags = scanner.flags();
        final int f = fields[c];
        final int stride = physicalFieldCount;
        final int n = errorRow;
        final LogicalType type = types[c];
        for (int i = 0; i < n; i++) {
            int idx = i * stride + f;
            int s = starts[idx];
            int e = fieldEnd(idx, flags, ends);
            int row = row0 + i;
            if (nullLiteral != null && isNullLiteral(b, s, e)) {
                writeNull(c, row);
                continue;
            }
            Object value = collections.parse(type, b, s, e);
            if (value == CsvCollections.FAILED) {
                if (fail(c, i, b, s, e)) {
                    break;
                }
                continue;
            }
            VectorValues.set(type, vectors[c], row, value);
        }
    }

    /**
     * Records a value that does not parse: returns true when the read fails (the column loop stops there),
     * false when the value has been set to NULL ({@code ignore-parse-errors}).
     */
    private boolean fail(int c, int i, byte[] b, int s, int e) {
        if (ignoreParseErrors) {
            writeNull(c, blockRow0 + i);
            return false;
        }
        if (i < errorRow) {
            errorRow = i;
            errorColumn = c;
            errorText = new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        return true;
    }

    /** Writes one value of a less common type; false when it does not parse. */
    private boolean writeValue(int c, int row, byte[] b, int s, int e) {
        ArrowBuf out = data[c];
        switch (kinds[c]) {
            case K_DOUBLE:
            case K_FLOAT: {
                double v = parser.parseDouble(b, s, e);
                if (parser.failed()) {
                    return false;
                }
                if (kinds[c] == K_DOUBLE) {
                    out.setDouble((long) row << 3, v);
                } else {
                    out.setFloat((long) row << 2, (float) v);
                }
                return true;
            }
            case K_BOOLEAN: {
                int v = parser.parseBoolean(b, s, e);
                if (parser.failed()) {
                    return false;
                }
                if (v != 0) {
                    BitVectorHelper.setBit(out, row);
                } else {
                    BitVectorHelper.unsetBit(out, row);
                }
                return true;
            }
            case K_DATE:
            case K_TIME: {
                int v = kinds[c] == K_DATE ? parser.parseDate(b, s, e) : parser.parseTime(b, s, e);
                if (parser.failed()) {
                    return false;
                }
                out.setInt((long) row << 2, v);
                return true;
            }
            case K_DECIMAL: {
                LogicalType t = types[c];
                int r = parser.parseDecimal(b, s, e, t.precision(), t.scale());
                if (parser.failed()) {
                    return false;
                }
                if (r == 1) {
                    ((DecimalVector) vectors[c]).set(row, parser.decimalUnscaled());
                } else if (r == 2) {
                    ((DecimalVector) vectors[c]).set(row, parser.decimalBig());
                } else {
                    writeNull(c, row); // more digits than the precision allows: NULL, as in Flink
                }
                return true;
            }
            case K_BINARY: {
                ByteBuffer decoded;
                try {
                    decoded = Base64.getDecoder().decode(ByteBuffer.wrap(b, s, e - s));
                } catch (IllegalArgumentException ex) {
                    return false;
                }
                writeBytes(c, row, decoded.array(), decoded.arrayOffset() + decoded.position(), decoded.remaining());
                return true;
            }
            default:
                writeNull(c, row);
                return true;
        }
    }

    private void writeBytes(int c, int row, byte[] src, int s, int len) {
        long end = varEnd[c] + len;
        if (end > Integer.MAX_VALUE) {
            throw new TableException("More than 2 GB of data in one batch of column '" + names[c] + "' in " + fileName);
        }
        BaseVariableWidthVector v = (BaseVariableWidthVector) vectors[c];
        while (v.getDataBuffer().capacity() < end) {
            v.reallocDataBuffer();
        }
        v.getDataBuffer().setBytes(varEnd[c], src, s, len);
        varEnd[c] = end;
        offsets[c].setInt((long) (row + 1) << 2, (int) end);
    }

    private void writeNull(int c, int row) {
        int kind = kinds[c];
        if (kind == K_NULL) {
            return;
        }
        if (kind == K_CONSTRUCTED) {
            VectorValues.setNull(vectors[c], row);
            return;
        }
        if (kind == K_STRING || kind == K_BINARY) {
            offsets[c].setInt((long) (row + 1) << 2, (int) varEnd[c]);
        }
        BitVectorHelper.unsetBit(validity[c], row);
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

    /** Scans every record with the general scan (tests compare both scans). */
    void disablePlainScan() {
        plainScan = false;
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
