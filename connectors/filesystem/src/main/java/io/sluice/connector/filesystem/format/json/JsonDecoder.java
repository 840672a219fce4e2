package io.sluice.connector.filesystem.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.TextParser;
import io.sluice.connector.filesystem.format.VectorWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes one newline-delimited JSON file straight into Arrow vectors. Lines are found in a large read
 * buffer; each non-blank line is one JSON object, read token by token with Jackson's streaming
 * {@link JsonParser} (over the buffer, no copy) and written into the vectors of the projected columns:
 * no tree, map or row object is built per record.
 *
 * <p>Fields are matched to columns by exact (case-sensitive) name; unknown fields are skipped, a repeated
 * field keeps its last value, and a missing field is NULL (or, with {@code fail-on-missing-field}, fails the
 * read). Values follow Flink: numbers may also be given as strings, strings take the text of numbers,
 * booleans and nested objects, BINARY is base64, DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.fff]},
 * TIMESTAMP {@code yyyy-MM-dd HH:mm:ss[.fff]} ({@code T} instead of the space with the ISO-8601 standard)
 * and TIMESTAMP_LTZ the same in UTC followed by {@code Z}; a DECIMAL with more digits than its precision is
 * NULL. A malformed line (bad JSON, not an object, two values) fails the read with a message naming the
 * file, the line and the byte offset, or with {@code ignore-parse-errors} is skipped and counted; a value of
 * the wrong form fails naming the column, or then becomes NULL.
 */
final class JsonDecoder implements RecordDecoder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final int CHUNK = 1 << 20;

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
    private static final int K_CONSTRUCTED = 15;
    private static final com.fasterxml.jackson.databind.ObjectMapper TREES =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final InputStream in;
    private final String fileName;
    private final boolean failOnMissingField;
    private final boolean ignoreParseErrors;
    private final byte timestampSeparator;
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final int[] kinds;
    private final LogicalType[] types;
    private final String[] names;
    private final long[] seenInRecord;
    private final VectorWriter writer;
    private final TextParser parser = new TextParser();
    private byte[] scratch = new byte[64];
    private int scratchLength;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    /** File offset of {@code buf[0]}. */
    private long bufferOffset;
    /** 1-based number of the next line to read. */
    private long line = 1;
    private long recordLine;
    private int recordStart;
    private long records;
    private long skipped;

    JsonDecoder(InputStream in, String fileName, JsonFormatConfig config, RowType physicalType, int[] projectedFields) {
        this.in = in;
        this.fileName = fileName;
        this.failOnMissingField = config.failOnMissingField;
        this.ignoreParseErrors = config.ignoreParseErrors;
        this.timestampSeparator = config.isoTimestamps ? (byte) 'T' : (byte) ' ';
        int n = projectedFields.length;
        this.kinds = new int[n];
        this.types = new LogicalType[n];
        this.names = new String[n];
        for (int c = 0; c < n; c++) {
            types[c] = physicalType.type(projectedFields[c]);
            names[c] = physicalType.name(projectedFields[c]);
            kinds[c] = kindOf(types[c]);
            columnOf.put(names[c], c);
        }
        this.seenInRecord = new long[n];
        Arrays.fill(seenInRecord, -1);
        this.writer = new VectorWriter(types, names, fileName);
        int available;
        try {
            available = in.available();
        } catch (IOException e) {
            available = CHUNK;
        }
        // a small input (one message) gets a small buffer; fill() grows it when a line does not fit
        this.buf = new byte[available <= 0 ? CHUNK : Math.max(256, Math.min(CHUNK, available + 1))];
    }

    /** The decoder's code for a column type; throws for types the json format cannot read or write. */
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
            case MAP:
            case MULTISET:
            case ROW:
                for (LogicalType child : type.children()) {
                    kindOf(child);
                }
                return K_CONSTRUCTED;
            default:
                throw new UnsupportedFeatureException("json format for type " + type.typeName());
        }
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int row = batch.rowCount();
        writer.bind(batch, maxRows, row);
        boolean more = true;
        while (row < maxRows) {
            int end = nextLine();
            if (end < 0) {
                more = false;
                break;
            }
            if (decodeRecord(row, end)) {
                row++;
            }
        }
        writer.finish(row);
        batch.setRowCount(row);
        return more;
    }

    /**
     * Finds the next line: sets {@link #recordStart} and {@link #recordLine} and returns the line's end
     * (the offset of its {@code \n}, or the end of the input), or -1 at the end of the input.
     */
    private int nextLine() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3;
            }
        }
        while (true) {
            int nl = indexOfNewline(pos);
            if (nl >= 0 || (eof && pos < limit)) {
                recordStart = pos;
                recordLine = line++;
                int end = nl >= 0 ? nl : limit;
                pos = nl >= 0 ? nl + 1 : limit;
                return end;
            }
            if (eof) {
                return -1;
            }
            fill();
        }
    }

    private int indexOfNewline(int from) {
        final byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Keeps the unread bytes, grows the buffer when one line fills it, and reads the next chunk. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** Decodes the line {@code [recordStart, end)} into row {@code row}; false when no row was written. */
    private boolean decodeRecord(int row, int end) throws IOException {
        long record = records++;
        try (JsonParser p = FACTORY.createParser(buf, recordStart, end - recordStart)) {
            JsonToken t;
            try {
                t = p.nextToken();
                if (t == null) {
                    return false; // blank line
                }
                if (t != JsonToken.START_OBJECT) {
                    return malformed(row, "expected a JSON object but found " + t.asString(), p.currentTokenLocation());
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    Integer column = columnOf.get(p.currentName());
                    JsonToken value = p.nextToken();
                    if (column == null) {
                        p.skipChildren();
                        continue;
                    }
                    int c = column;
                    if (seenInRecord[c] == record) {
                        writer.rollback(c, row); // a repeated field: the last value wins
                    }
                    seenInRecord[c] = record;
                    readValue(p, value, c, row);
                }
                if (p.nextToken() != null) {
                    return malformed(row, "more than one JSON value on the line", p.currentTokenLocation());
                }
            } catch (JsonProcessingException e) {
                return malformed(row, e.getOriginalMessage(), e.getLocation());
            }
        }
        for (int c = 0; c < kinds.length; c++) {
            if (seenInRecord[c] != record) {
                if (failOnMissingField) {
                    throw new TableException("Missing field '" + names[c] + "' in JSON record at " + fileName + ":"
                            + recordLine + " (json.fail-on-missing-field is true)");
                }
                writer.setNull(c, row);
            }
        }
        return true;
    }

    private boolean malformed(int row, String why, JsonLocation location) {
        writer.rollback(row);
        if (ignoreParseErrors) {
            skipped++;
            return false;
        }
        long offset = bufferOffset + recordStart;
        if (location != null && location.getColumnNr() > 0) {
            offset += location.getColumnNr() - 1;
        }
        String reason = why == null ? "" : why.lines().findFirst().orElse("");
        int marker = reason.indexOf(" (start marker at");
        if (marker > 0) {
            reason = reason.substring(0, marker); // Jackson's location inside the line says nothing useful here
        }
        throw new TableException("Malformed JSON record at " + fileName + ":" + recordLine + " (byte offset " + offset
                + "): " + reason);
    }

    /** Reads the value at the current token {@code t} into column {@code c}, consuming it. */
    private void readValue(JsonParser p, JsonToken t, int c, int row) throws IOException {
        if (t == JsonToken.VALUE_NULL || kinds[c] == K_NULL) {
            p.skipChildren();
            writer.setNull(c, row);
            return;
        }
        if (kinds[c] == K_CONSTRUCTED) {
            com.fasterxml.jackson.databind.JsonNode node = TREES.readTree(p);
            Object value;
            try {
                value = JsonConstructed.fromJson(types[c], node, timestampSeparator == 'T');
            } catch (RuntimeException e) {
                fieldError(c, row, String.valueOf(node));
                return;
            }
            writer.setValue(c, row, types[c], value);
            return;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (kinds[c] == K_STRING) {
                ByteArrayBuilder bytes = new ByteArrayBuilder();
                try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
                    g.copyCurrentStructure(p);
                }
                byte[] text = bytes.toByteArray();
                writer.setBytes(c, row, text, 0, text.length);
            } else {
                p.skipChildren();
                fieldError(c, row, t == JsonToken.START_OBJECT ? "{...}" : "[...]");
            }
            return;
        }
        boolean string = t == JsonToken.VALUE_STRING;
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        switch (kinds[c]) {
            case K_STRING:
                writer.setChars(c, row, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                return;
            case K_BIGINT:
            case K_INT:
            case K_SMALLINT:
            case K_TINYINT:
                readIntegral(p, t, c, row);
                return;
            case K_DOUBLE:
            case K_FLOAT:
                if (number) {
                    if (kinds[c] == K_DOUBLE) {
                        writer.setDouble(c, row, p.getDoubleValue());
                    } else {
                        writer.setFloat(c, row, p.getFloatValue());
                    }
                    return;
                }
                if (string && toScratch(p)) {
                    double d = parser.parseDouble(scratch, 0, scratchLength);
                    if (!parser.failed()) {
                        if (kinds[c] == K_DOUBLE) {
                            writer.setDouble(c, row, d);
                        } else {
                            writer.setFloat(c, row, (float) d);
                        }
                        return;
                    }
                }
                break;
            case K_BOOLEAN:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    writer.setBoolean(c, row, t == JsonToken.VALUE_TRUE);
                    return;
                }
                if (string && toScratch(p)) {
                    int v = parser.parseBoolean(scratch, 0, scratchLength);
                    if (!parser.failed()) {
                        writer.setBoolean(c, row, v != 0);
                        return;
                    }
                }
                break;
            case K_DECIMAL:
                if ((string || number) && toScratch(p)) {
                    LogicalType type = types[c];
                    int r = parser.parseDecimal(scratch, 0, scratchLength, type.precision(), type.scale());
                    if (!parser.failed()) {
                        if (r == 1) {
                            writer.setDecimal(c, row, parser.decimalUnscaled());
                        } else if (r == 2) {
                            writer.setDecimal(c, row, parser.decimalBig());
                        } else {
                            writer.setNull(c, row); // more digits than the precision allows: NULL, as in Flink
                        }
                        return;
                    }
                }
                break;
            case K_BINARY:
                if (string) {
                    byte[] bytes;
                    try {
                        bytes = p.getBinaryValue();
                    } catch (JsonProcessingException e) {
                        break;
                    }
                    writer.setBytes(c, row, bytes, 0, bytes.length);
                    return;
                }
                break;
            case K_DATE:
            case K_TIME:
                if (string && toScratch(p)) {
                    int v = kinds[c] == K_DATE ? parser.parseDate(scratch, 0, scratchLength)
                            : parser.parseTime(scratch, 0, scratchLength);
                    if (!parser.failed()) {
                        writer.setInt(c, row, v);
                        return;
                    }
                }
                break;
            case K_TIMESTAMP:
            case K_TIMESTAMP_LTZ:
                if (string && toScratch(p) && readTimestamp(c, row)) {
                    return;
                }
                break;
            default:
                writer.setNull(c, row);
                return;
        }
        fieldError(c, row, p.getText());
    }

    private void readIntegral(JsonParser p, JsonToken t, int c, int row) throws IOException {
        int kind = kinds[c];
        long min = kind == K_BIGINT ? Long.MIN_VALUE : kind == K_INT ? Integer.MIN_VALUE
                : kind == K_SMALLINT ? Short.MIN_VALUE : Byte.MIN_VALUE;
        long max = kind == K_BIGINT ? Long.MAX_VALUE : kind == K_INT ? Integer.MAX_VALUE
                : kind == K_SMALLINT ? Short.MAX_VALUE : Byte.MAX_VALUE;
        long v;
        boolean ok;
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            v = p.getLongValue();
            ok = v >= min && v <= max;
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            // as Flink: a fractional number in range is truncated
            double d = p.getDoubleValue();
            v = (long) d;
            ok = d >= min && d <= max;
        } else if (t == JsonToken.VALUE_STRING && toScratch(p)) {
            v = parser.parseLong(scratch, 0, scratchLength, min, max);
            ok = !parser.failed();
        } else {
            v = 0;
            ok = false;
        }
        if (!ok) {
            fieldError(c, row, p.getText());
            return;
        }
        switch (kind) {
            case K_BIGINT:
                writer.setLong(c, row, v);
                break;
            case K_INT:
                writer.setInt(c, row, (int) v);
                break;
            case K_SMALLINT:
                writer.setShort(c, row, (short) v);
                break;
            default:
                writer.setByte(c, row, (byte) v);
        }
    }

    /** Parses the scratch text as a TIMESTAMP(_LTZ) in the configured standard; false when it does not parse. */
    private boolean readTimestamp(int c, int row) {
        boolean ltz = kinds[c] == K_TIMESTAMP_LTZ;
        int n = scratchLength;
        if (n < 16 || scratch[10] != timestampSeparator || (ltz && scratch[n - 1] != 'Z')) {
            return false;
        }
        long v = parser.parseTimestamp(scratch, 0, ltz ? n - 1 : n, false, types[c].precision());
        if (parser.failed()) {
            return false;
        }
        writer.setLong(c, row, v);
        return true;
    }

    /** Copies the current token's text into {@link #scratch} as ASCII; false when it holds other characters. */
    private boolean toScratch(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int n = p.getTextLength();
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        byte[] s = scratch;
        for (int i = 0; i < n; i++) {
            char ch = chars[off + i];
            if (ch >= 0x80) {
                return false;
            }
            s[i] = (byte) ch;
        }
        scratchLength = n;
        return true;
    }

    private void fieldError(int c, int row, String text) {
        if (!ignoreParseErrors) {
            throw new TableException("Failed to parse field '" + names[c] + "' (" + types[c].typeName() + ") from '"
                    + text + "' at " + fileName + ":" + recordLine);
        }
        writer.setNull(c, row);
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
