package io.sluice.connector.filesystem.format.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes the rows of batches as newline-delimited JSON: one object per row, fields in column order, as
 * Flink's json format writes them. Numbers and booleans are JSON numbers and booleans (NaN and infinities
 * are quoted), DECIMAL is a number ({@code json.encode.decimal-as-plain-number} avoids exponents), strings
 * are JSON strings, BINARY is base64, DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.fff]}, TIMESTAMP
 * {@code yyyy-MM-dd HH:mm:ss[.fff]} ({@code T} with the ISO-8601 standard; the fraction only when not zero,
 * without trailing zeros) and TIMESTAMP_LTZ the same in UTC followed by {@code Z}. NULL is {@code null},
 * or the field is left out with {@code json.encode.ignore-null-fields}.
 */
final class JsonEncoder implements RecordEncoder {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator out;
    private final TypeRoot[] roots;
    private final RowType rowType;
    /** Units per millisecond of each TIMESTAMP(_LTZ) column (1, 1 000 or 1 000 000). */
    private final long[] timestampPerMilli;
    private final SerializedString[] names;
    private final boolean ignoreNullFields;
    private final char timestampSeparator;
    private byte[] bytes = new byte[256];
    private final char[] text = new char[64];
    private int textLength;

    JsonEncoder(OutputStream stream, RowType type, JsonFormatConfig config) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (config.decimalAsPlainNumber) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
        g.setRootValueSeparator(null);
        this.out = g;
        this.rowType = type;
        this.roots = new TypeRoot[type.size()];
        this.names = new SerializedString[type.size()];
        this.timestampPerMilli = new long[type.size()];
        for (int c = 0; c < roots.length; c++) {
            timestampPerMilli[c] = io.sluice.runtime.types.TimestampUnits.perMilli(type.type(c).precision());
            JsonDecoder.kindOf(type.type(c));
            roots[c] = type.type(c).root();
            names[c] = new SerializedString(type.name(c));
        }
        this.ignoreNullFields = config.ignoreNullFields;
        this.timestampSeparator = config.isoTimestamps ? 'T' : ' ';
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        int rows = batch.rowCount();
        int columns = roots.length;
        for (int r = 0; r < rows; r++) {
            out.writeStartObject();
            for (int c = 0; c < columns; c++) {
                FieldVector v = batch.vector(c);
                if (v.isNull(r)) {
                    if (!ignoreNullFields) {
                        out.writeFieldName(names[c]);
                        out.writeNull();
                    }
                    continue;
                }
                out.writeFieldName(names[c]);
                if (roots[c].isConstructed()) {
                    JsonConstructed.write(out, rowType.type(c),
                            io.sluice.runtime.data.VectorValues.get(rowType.type(c), v, r), timestampSeparator);
                    continue;
                }
                writeValue(roots[c], timestampPerMilli[c], v, r);
            }
            out.writeEndObject();
            out.writeRaw('\n');
        }
    }

    private void writeValue(TypeRoot root, long perMilli, FieldVector v, int r) throws IOException {
        switch (root) {
            case BOOLEAN:
                out.writeBoolean(((BitVector) v).get(r) != 0);
                break;
            case TINYINT:
                out.writeNumber(v.getDataBuffer().getByte(r));
                break;
            case SMALLINT:
                out.writeNumber(v.getDataBuffer().getShort((long) r << 1));
                break;
            case INTEGER:
                out.writeNumber(v.getDataBuffer().getInt((long) r << 2));
                break;
            case BIGINT:
                out.writeNumber(v.getDataBuffer().getLong((long) r << 3));
                break;
            case FLOAT:
                out.writeNumber(v.getDataBuffer().getFloat((long) r << 2));
                break;
            case DOUBLE:
                out.writeNumber(v.getDataBuffer().getDouble((long) r << 3));
                break;
            case DECIMAL:
                out.writeNumber(((DecimalVector) v).getObject(r));
                break;
            case CHAR:
            case VARCHAR: {
                int n = copyBytes((BaseVariableWidthVector) v, r);
                out.writeUTF8String(bytes, 0, n);
                break;
            }
            case BINARY:
            case VARBINARY: {
                int n = copyBytes((BaseVariableWidthVector) v, r);
                out.writeBinary(bytes, 0, n);
                break;
            }
            case DATE:
                textLength = 0;
                putDate(v.getDataBuffer().getInt((long) r << 2));
                out.writeString(text, 0, textLength);
                break;
            case TIME:
                textLength = 0;
                putTime(v.getDataBuffer().getInt((long) r << 2));
                out.writeString(text, 0, textLength);
                break;
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                long value = v.getDataBuffer().getLong((long) r << 3);
                long millis = Math.floorDiv(value, perMilli);
                long day = Math.floorDiv(millis, 86_400_000L);
                textLength = 0;
                putDate(day);
                text[textLength++] = timestampSeparator;
                int millisOfDay = (int) (millis - day * 86_400_000L);
                if (perMilli == 1) {
                    putTime(millisOfDay);
                } else {
                    putTime(millisOfDay - millisOfDay % 1000);
                    putNanoFraction((int) (millisOfDay % 1000 * 1_000_000L
                            + Math.floorMod(value, perMilli) * (1_000_000L / perMilli)));
                }
                if (root == TypeRoot.TIMESTAMP_LTZ) {
                    text[textLength++] = 'Z';
                }
                out.writeString(text, 0, textLength);
                break;
            }
            default:
                out.writeNull(); // NULL type
        }
    }

    private int copyBytes(BaseVariableWidthVector v, int r) {
        ArrowBuf offsets = v.getOffsetBuffer();
        int start = offsets.getInt((long) r << 2);
        int n = offsets.getInt((long) (r + 1) << 2) - start;
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        v.getDataBuffer().getBytes(start, bytes, 0, n);
        return n;
    }

    private void putDigits(int v, int width) {
        for (int i = textLength + width - 1; i >= textLength; i--) {
            text[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        textLength += width;
    }

    private void putDate(long epochDay) {
        if (epochDay < -719_528 || epochDay > 2_932_896) { // outside years 0000..9999
            String s = LocalDate.ofEpochDay(epochDay).toString();
            s.getChars(0, s.length(), text, textLength);
            textLength += s.length();
            return;
        }
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
        putDigits((int) year, 4);
        text[textLength++] = '-';
        putDigits(month, 2);
        text[textLength++] = '-';
        putDigits(day, 2);
    }

    /** {@code HH:mm:ss}, then {@code .f}, {@code .ff} or {@code .fff} when the milliseconds are not zero. */
    private void putTime(int millisOfDay) {
        int seconds = millisOfDay / 1000;
        putDigits(seconds / 3600, 2);
        text[textLength++] = ':';
        putDigits(seconds / 60 % 60, 2);
        text[textLength++] = ':';
        putDigits(seconds % 60, 2);
        int millis = millisOfDay % 1000;
        if (millis != 0) {
            text[textLength++] = '.';
            if (millis % 100 == 0) {
                putDigits(millis / 100, 1);
            } else if (millis % 10 == 0) {
                putDigits(millis / 10, 2);
            } else {
                putDigits(millis, 3);
            }
        }
    }

    /** '.' and the fraction of a second given in nanoseconds, without trailing zeros; nothing for 0. */
    private void putNanoFraction(int nanos) {
        if (nanos == 0) {
            return;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        text[textLength++] = '.';
        putDigits(nanos, digits);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
