package io.sluice.server.flight;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Parameters ({@code ?}) of Flight SQL prepared queries. Their types are inferred from where they stand in the query
 * (the engine's validator) and announced to the client as the prepared statement's parameter schema; the values the
 * client binds arrive as an Arrow batch and are put into the statement as SQL literals of those types (cast to them)
 * before it is planned, so a value can never change the statement's structure.
 */
final class FlightParameters {
    private FlightParameters() {
    }

    /** The parameter schema announced for these parameter types: nullable fields {@code p1}, {@code p2}, ... */
    static Schema schema(List<LogicalType> types) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            fields.add(ArrowTypes.toField("p" + (i + 1), types.get(i).copy(true)));
        }
        return new Schema(fields);
    }

    /** The statement with every parameter replaced by a typed NULL, to learn its result columns. */
    static String withNulls(String sql, List<LogicalType> types) {
        List<String> nulls = new ArrayList<>();
        for (LogicalType t : types) {
            nulls.add("CAST(NULL AS " + t.typeName() + ")");
        }
        return substitute(sql, nulls);
    }

    /** The literals of row {@code row} of the bound parameters, one per parameter type. */
    static List<String> literals(VectorSchemaRoot parameters, int row, List<LogicalType> types) {
        if (parameters.getFieldVectors().size() != types.size()) {
            throw new ValidationException("the prepared statement has " + types.size() + " parameters, but "
                    + parameters.getFieldVectors().size() + " values were bound");
        }
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            literals.add(literal(parameters.getVector(i), row, types.get(i), i + 1));
        }
        return literals;
    }

    /** A SQL literal of type {@code type} holding the value at {@code row}. */
    static String literal(FieldVector v, int row, LogicalType type, int position) {
        String target = type.typeName();
        if (v.isNull(row)) {
            return "CAST(NULL AS " + target + ")";
        }
        String value;
        if (v instanceof BitVector b) {
            value = b.get(row) == 1 ? "TRUE" : "FALSE";
        } else if (v instanceof BaseIntVector i) {
            value = Long.toString(i.getValueAsLong(row));
        } else if (v instanceof Float4Vector f) {
            float x = f.get(row);
            value = Float.isFinite(x) ? Float.toString(x) : "'" + x + "'";
        } else if (v instanceof Float8Vector f) {
            double x = f.get(row);
            value = Double.isFinite(x) ? Double.toString(x) : "'" + x + "'";
        } else if (v instanceof DecimalVector d) {
            value = d.getObject(row).toPlainString();
        } else if (v instanceof VarCharVector s) {
            value = quote(new String(s.get(row), java.nio.charset.StandardCharsets.UTF_8));
        } else if (v instanceof VarBinaryVector b) {
            value = "X'" + HexFormat.of().formatHex(b.get(row)) + "'";
        } else if (v instanceof DateDayVector d) {
            value = "DATE '" + LocalDate.ofEpochDay(d.get(row)) + "'";
        } else if (v instanceof DateMilliVector d) {
            value = "DATE '" + LocalDate.ofEpochDay(Math.floorDiv(d.get(row), 86_400_000L)) + "'";
        } else if (v instanceof TimeSecVector || v instanceof TimeMilliVector || v instanceof TimeMicroVector
                || v instanceof TimeNanoVector) {
            value = "TIME '" + LocalTime.ofNanoOfDay(timeNanos(v, row)) + "'";
        } else if (v instanceof TimeStampVector t) {
            ArrowType.Timestamp ts = (ArrowType.Timestamp) t.getField().getType();
            Instant instant = instant(t.get(row), ts.getUnit());
            value = "TIMESTAMP '" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
            if (ts.getTimezone() != null) {
                // an instant: TO_TIMESTAMP_LTZ reads epoch milliseconds whatever the session's time zone
                value = "TO_TIMESTAMP_LTZ(" + instant.toEpochMilli() + ", 3)";
            }
        } else {
            throw new UnsupportedFeatureException("not supported yet: Flight SQL parameter " + position
                    + " of Arrow type " + v.getField().getType() + "; put the value into the statement text");
        }
        return "CAST(" + value + " AS " + target + ")";
    }

    private static long timeNanos(FieldVector v, int row) {
        if (v instanceof TimeSecVector s) {
            return s.get(row) * 1_000_000_000L;
        }
        if (v instanceof TimeMilliVector m) {
            return m.get(row) * 1_000_000L;
        }
        if (v instanceof TimeMicroVector m) {
            return m.get(row) * 1_000L;
        }
        return ((TimeNanoVector) v).get(row);
    }

    private static Instant instant(long value, org.apache.arrow.vector.types.TimeUnit unit) {
        return switch (unit) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L));
        };
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The statement with its parameter markers replaced by {@code values}, in order. */
    static String substitute(String sql, List<String> values) {
        List<Integer> markers = markers(sql);
        if (markers.size() != values.size()) {
            throw new ValidationException("the statement has " + markers.size() + " parameters, but "
                    + values.size() + " values were given");
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < markers.size(); i++) {
            out.append(sql, from, markers.get(i)).append(values.get(i));
            from = markers.get(i) + 1;
        }
        return out.append(sql.substring(from)).toString();
    }

    /** The offsets of the {@code ?} markers outside string literals, quoted identifiers and comments. */
    static List<Integer> markers(String sql) {
        List<Integer> found = new ArrayList<>();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < n && sql.charAt(end + 1) == c) { // a doubled quote inside
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    break;
                }
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                if (end < 0) {
                    break;
                }
                i = end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                i = end + 1;
            } else if (c == '?') {
                found.add(i);
            }
        }
        return found;
    }
}
