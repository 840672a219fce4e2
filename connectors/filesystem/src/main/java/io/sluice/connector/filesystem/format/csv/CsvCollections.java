package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.TextParser;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * ARRAY and ROW columns in csv, as Flink's csv format has them: the elements of an ARRAY, and the fields of a
 * ROW in declaration order, are written one after the other separated by {@code array-element-delimiter}
 * ({@code ;} by default) inside one csv field. Elements and fields must be of scalar types (Flink allows no
 * deeper nesting), and MAP and MULTISET columns are rejected, as in Flink.
 *
 * <p>Reading: an empty field is an empty ARRAY, or a NULL ROW; an element (or row field) that is empty is
 * NULL, except for string elements, where it is the empty string; an element equal to {@code null-literal}
 * is NULL. A ROW must have exactly as many elements as fields. Element text is that of top-level values
 * (see {@link CsvDecoder}). One instance per decoder (it holds a {@link TextParser}).
 */
final class CsvCollections {
    /** What {@link #parse} returns for text that does not parse. */
    static final Object FAILED = new Object();

    private final byte[] separator;
    private final byte[] nullLiteral;
    private final TextParser parser = new TextParser();

    CsvCollections(byte[] separator, byte[] nullLiteral) {
        this.separator = separator;
        this.nullLiteral = nullLiteral;
    }

    /**
     * Checks that every column of {@code type} can be held by the csv format.
     *
     * @throws UnsupportedFeatureException naming the column, for a MAP or MULTISET column or an ARRAY or ROW
     *         column with a nested element or field that is not of a scalar type
     */
    static void checkColumns(RowType type) {
        for (int c = 0; c < type.size(); c++) {
            LogicalType t = type.type(c);
            TypeRoot root = t.root();
            if (root == TypeRoot.MAP || root == TypeRoot.MULTISET) {
                throw new UnsupportedFeatureException("the csv format for column '" + type.name(c) + "' of type "
                        + t.typeName() + " (as in Flink, csv holds no MAP or MULTISET; use the json or avro format)");
            }
            if (root == TypeRoot.ARRAY || root == TypeRoot.ROW) {
                for (LogicalType nested : t.children()) {
                    if (!isScalar(nested)) {
                        throw new UnsupportedFeatureException("the csv format for column '" + type.name(c)
                                + "' of type " + t.typeName() + ": as in Flink, only scalar types may be nested in"
                                + " an ARRAY or ROW column of a csv table, but it holds " + nested.typeName());
                    }
                }
            }
        }
    }

    private static boolean isScalar(LogicalType t) {
        switch (t.root()) {
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME:
                return false;
            default:
                return true;
        }
    }

    /**
     * The external value of an ARRAY or ROW field held in {@code b[s, e)} (already unquoted and unescaped), with
     * elements as Java objects or raw vector values; {@link #FAILED} when it does not parse.
     */
    Object parse(LogicalType type, byte[] b, int s, int e) {
        List<int[]> parts = split(b, s, e);
        if (type.root() == TypeRoot.ARRAY) {
            Object[] out = new Object[parts.size()];
            for (int k = 0; k < out.length; k++) {
                int[] p = parts.get(k);
                Object v = element(type.elementType(), b, p[0], p[1]);
                if (v == FAILED) {
                    return FAILED;
                }
                out[k] = v;
            }
            return out;
        }
        if (parts.isEmpty()) {
            return null;
        }
        List<LogicalType> fields = type.children();
        if (parts.size() != fields.size()) {
            return FAILED;
        }
        Row row = new Row(fields.size());
        for (int f = 0; f < fields.size(); f++) {
            int[] p = parts.get(f);
            Object v = element(fields.get(f), b, p[0], p[1]);
            if (v == FAILED) {
                return FAILED;
            }
            row.setField(f, v);
        }
        return row;
    }

    /** The element ranges of {@code b[s, e)}; none for an empty (or blank) field. */
    private List<int[]> split(byte[] b, int s, int e) {
        List<int[]> parts = new ArrayList<>();
        boolean blank = true;
        for (int i = s; i < e && blank; i++) {
            blank = b[i] == ' ' || b[i] == '\t';
        }
        if (blank) {
            return parts;
        }
        int start = s;
        int i = s;
        while (i <= e - separator.length) {
            if (matches(b, i)) {
                parts.add(new int[] {start, i});
                i += separator.length;
                start = i;
            } else {
                i++;
            }
        }
        parts.add(new int[] {start, e});
        return parts;
    }

    private boolean matches(byte[] b, int i) {
        for (int k = 0; k < separator.length; k++) {
            if (b[i + k] != separator[k]) {
                return false;
            }
        }
        return true;
    }

    private Object element(LogicalType type, byte[] b, int s, int e) {
        TypeRoot root = type.root();
        if (nullLiteral != null && Arrays.equals(b, s, e, nullLiteral, 0, nullLiteral.length)) {
            return null;
        }
        if (root.isCharacterString()) {
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        if (s == e || root == TypeRoot.NULL) {
            return null;
        }
        if (root.isBinaryString()) {
            try {
                ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(b, s, e - s));
                byte[] out = new byte[decoded.remaining()];
                decoded.get(out);
                return out;
            } catch (IllegalArgumentException ex) {
                return FAILED;
            }
        }
        Object v = scalar(type, b, s, e);
        return parser.failed() ? FAILED : v;
    }

    /** A value parsed by {@link #parser} (which reports failure); DATE, TIME and timestamps as raw vector values. */
    private Object scalar(LogicalType type, byte[] b, int s, int e) {
        switch (type.root()) {
            case BOOLEAN:
                return parser.parseBoolean(b, s, e) != 0;
            case TINYINT:
                return (byte) parser.parseLong(b, s, e, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (short) parser.parseLong(b, s, e, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER:
                return (int) parser.parseLong(b, s, e, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return parser.parseLong(b, s, e, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT:
                return (float) parser.parseDouble(b, s, e);
            case DOUBLE:
                return parser.parseDouble(b, s, e);
            case DECIMAL: {
                int r = parser.parseDecimal(b, s, e, type.precision(), type.scale());
                // more digits than the precision allows: NULL, as for top-level values
                return r == 1 ? BigDecimal.valueOf(parser.decimalUnscaled(), type.scale())
                        : r == 2 ? parser.decimalBig() : null;
            }
            case DATE:
                return parser.parseDate(b, s, e);
            case TIME:
                return parser.parseTime(b, s, e);
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return parser.parseTimestamp(b, s, e, type.root() == TypeRoot.TIMESTAMP_LTZ, type.precision());
            default:
                throw new IllegalStateException("not a scalar type: " + type);
        }
    }
}
