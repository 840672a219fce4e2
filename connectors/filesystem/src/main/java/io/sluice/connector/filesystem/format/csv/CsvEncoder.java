package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Writes the rows of batches as CSV lines ending in {@code \n}. Text of values follows Flink's csv format:
 * {@code true}/{@code false}, plain decimals, {@code yyyy-MM-dd}, {@code HH:mm:ss[.SSS]},
 * {@code yyyy-MM-dd HH:mm:ss.SSS} (TIMESTAMP_LTZ in UTC with a trailing {@code Z}), BINARY as base64.
 * NULL is an empty field (or the {@code null-literal}); strings containing the delimiter, the quote
 * character, a line break or the escape character are quoted with doubled quotes, and the empty string is
 * written {@code ""}. With quoting disabled, such characters are preceded by the escape character when
 * one is configured. ARRAY and ROW values are written as {@link CsvCollections} describes.
 */
final class CsvEncoder implements RecordEncoder {
    private static final int FLUSH_SIZE = 1 << 16;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final RowType type;
    private final int[] kinds;
    private final byte delimiter;
    private final int quote;
    private final int escape;
    private final byte[] nullLiteral;
    private final byte[] arrayElementDelimiter;
    /** Set while the elements of an ARRAY or ROW value are written: text is then written unquoted. */
    private boolean inCollection;
    private byte[] buf = new byte[FLUSH_SIZE * 2];
    private int len;
    private byte[] scratch = new byte[256];

    CsvEncoder(OutputStream out, RowType type, CsvFormatConfig config) {
        this.out = out;
        this.type = type;
        this.kinds = new int[type.size()];
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = CsvDecoder.kindOf(type.type(c));
        }
        this.delimiter = config.delimiter;
        // 256 never equals a byte: "no quote" / "no escape"
        this.quote = config.quote < 0 ? 256 : config.quote;
        this.escape = config.escape < 0 ? 256 : config.escape;
        this.nullLiteral = config.nullLiteral;
        this.arrayElementDelimiter = config.arrayElementDelimiter;
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        int rows = batch.rowCount();
        int columns = kinds.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    put(delimiter);
                }
                FieldVector v = batch.vector(c);
                if (v.isNull(r)) {
                    if (nullLiteral != null) {
                        putText(nullLiteral, nullLiteral.length);
                    }
                } else {
                    writeValue(type.type(c), v, r);
                }
            }
            put((byte) '\n');
            if (len >= FLUSH_SIZE) {
                flushBuffer();
            }
        }
    }

    private void writeValue(LogicalType t, FieldVector v, int r) {
        switch (t.root()) {
            case BOOLEAN:
                putAscii(((BitVector) v).get(r) != 0 ? TRUE : FALSE);
                break;
            case TINYINT:
                putLong(((BaseFixedWidthVector) v).getDataBuffer().getByte(r));
                break;
            case SMALLINT:
                putLong(((BaseFixedWidthVector) v).getDataBuffer().getShort((long) r << 1));
                break;
            case INTEGER:
                putLong(((BaseFixedWidthVector) v).getDataBuffer().getInt((long) r << 2));
                break;
            case BIGINT:
                putLong(((BaseFixedWidthVector) v).getDataBuffer().getLong((long) r << 3));
                break;
            case FLOAT:
                putAscii(Float.toString(((BaseFixedWidthVector) v).getDataBuffer().getFloat((long) r << 2))
                        .getBytes(StandardCharsets.US_ASCII));
                break;
            case DOUBLE:
                putAscii(Double.toString(((BaseFixedWidthVector) v).getDataBuffer().getDouble((long) r << 3))
                        .getBytes(StandardCharsets.US_ASCII));
                break;
            case DECIMAL:
                putAscii(((DecimalVector) v).getObject(r).toPlainString().getBytes(StandardCharsets.US_ASCII));
                break;
            case CHAR:
            case VARCHAR: {
                BaseVariableWidthVector sv = (BaseVariableWidthVector) v;
                int start = sv.getOffsetBuffer().getInt((long) r << 2);
                int n = sv.getOffsetBuffer().getInt((long) (r + 1) << 2) - start;
                if (scratch.length < n) {
                    scratch = new byte[Math.max(n, scratch.length * 2)];
                }
                sv.getDataBuffer().getBytes(start, scratch, 0, n);
                putText(scratch, n);
                break;
            }
            case BINARY:
            case VARBINARY: {
                byte[] encoded = Base64.getEncoder().encode(((BaseVariableWidthVector) v).get(r));
                putText(encoded, encoded.length);
                break;
            }
            case DATE:
                putDate(((BaseFixedWidthVector) v).getDataBuffer().getInt((long) r << 2));
                break;
            case TIME: {
                int millis = ((BaseFixedWidthVector) v).getDataBuffer().getInt((long) r << 2);
                putTime(millis, millis % 1000 != 0);
                break;
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                long value = ((BaseFixedWidthVector) v).getDataBuffer().getLong((long) r << 3);
                long perMilli = io.sluice.runtime.types.TimestampUnits.perMilli(t.precision());
                long millis = Math.floorDiv(value, perMilli);
                long day = Math.floorDiv(millis, 86_400_000L);
                putDate(day);
                put((byte) ' ');
                putTime((int) (millis - day * 86_400_000L), true);
                if (perMilli > 1) { // micro- or nanosecond digits after the milliseconds
                    ensure(6);
                    putDigits((int) Math.floorMod(value, perMilli), perMilli == 1_000L ? 3 : 6);
                }
                if (t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ) {
                    put((byte) 'Z');
                }
                break;
            }
            case ARRAY:
            case ROW:
                writeCollection(t, v, r);
                break;
            default:
                break; // NULL type: always empty
        }
    }

    /**
     * Writes the elements of an ARRAY value, or the fields of a ROW value, separated by the array element
     * delimiter, as one csv field (quoted as a whole when it needs to be).
     */
    private void writeCollection(LogicalType t, FieldVector v, int r) {
        int start = len;
        inCollection = true;
        if (t.root() == io.sluice.runtime.types.TypeRoot.ARRAY) {
            ListVector list = (ListVector) v;
            FieldVector data = list.getDataVector();
            int from = list.getElementStartIndex(r);
            int to = list.getElementEndIndex(r);
            for (int k = from; k < to; k++) {
                writeElement(k > from, t.elementType(), data, k);
            }
        } else {
            StructVector struct = (StructVector) v;
            for (int f = 0; f < t.children().size(); f++) {
                writeElement(f > 0, t.children().get(f), (FieldVector) struct.getChildByOrdinal(f), r);
            }
        }
        inCollection = false;
        if (len > start) {
            byte[] text = Arrays.copyOfRange(buf, start, len);
            len = start;
            putText(text, text.length);
        }
    }

    private void writeElement(boolean separate, LogicalType t, FieldVector v, int k) {
        if (separate) {
            putAscii(arrayElementDelimiter);
        }
        if (v.isNull(k)) {
            if (nullLiteral != null) {
                putAscii(nullLiteral);
            }
        } else {
            writeValue(t, v, k);
        }
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void putAscii(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, buf, len, text.length);
        len += text.length;
    }

    /** Writes text, quoting or escaping it when it contains special characters. */
    private void putText(byte[] text, int n) {
        if (inCollection) {
            if (indexOf(text, n, arrayElementDelimiter) >= 0) {
                throw new TableException("Cannot write the string '" + new String(text, 0, n, StandardCharsets.UTF_8)
                        + "' as an element of an ARRAY or ROW value in csv: it contains the array element delimiter '"
                        + new String(arrayElementDelimiter, StandardCharsets.UTF_8)
                        + "' (choose another with 'csv.array-element-delimiter').");
            }
            ensure(n);
            System.arraycopy(text, 0, buf, len, n);
            len += n;
            return;
        }
        boolean special = false;
        for (int i = 0; i < n && !special; i++) {
            byte b = text[i];
            special = b == delimiter || b == '\n' || b == '\r' || b == quote || b == escape;
        }
        if (!special && !(n == 0 && quote < 256)) {
            ensure(n);
            System.arraycopy(text, 0, buf, len, n);
            len += n;
            return;
        }
        ensure(2 * n + 2);
        if (quote < 256) {
            buf[len++] = (byte) quote;
            for (int i = 0; i < n; i++) {
                byte b = text[i];
                if (b == quote || b == escape) {
                    buf[len++] = b;
                }
                buf[len++] = b;
            }
            buf[len++] = (byte) quote;
        } else {
            for (int i = 0; i < n; i++) {
                byte b = text[i];
                if (escape < 256 && (b == delimiter || b == '\n' || b == '\r' || b == escape)) {
                    buf[len++] = (byte) escape;
                    b = b == '\n' ? (byte) 'n' : b == '\r' ? (byte) 'r' : b;
                }
                buf[len++] = b;
            }
        }
    }

    private static int indexOf(byte[] text, int n, byte[] part) {
        for (int i = 0; i + part.length <= n; i++) {
            if (Arrays.equals(text, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private void putLong(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            putAscii(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
    }

    private void putDigits(int v, int width) {
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
    }

    private void putDate(long epochDay) {
        // civil-from-days (proleptic Gregorian)
        long z = epochDay + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        ensure(24);
        if (year < 0 || year > 9999) {
            putAscii(Long.toString(year).getBytes(StandardCharsets.US_ASCII));
        } else {
            putDigits((int) year, 4);
        }
        buf[len++] = '-';
        putDigits(month, 2);
        buf[len++] = '-';
        putDigits(day, 2);
    }

    private void putTime(int millisOfDay, boolean withMillis) {
        ensure(12);
        int seconds = millisOfDay / 1000;
        putDigits(seconds / 3600, 2);
        buf[len++] = ':';
        putDigits(seconds / 60 % 60, 2);
        buf[len++] = ':';
        putDigits(seconds % 60, 2);
        if (withMillis) {
            buf[len++] = '.';
            putDigits(millisOfDay % 1000, 3);
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
