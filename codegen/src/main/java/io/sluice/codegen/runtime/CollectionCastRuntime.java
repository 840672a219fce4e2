package io.sluice.codegen.runtime;

import io.sluice.runtime.data.ConstructedValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TimestampUnits;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CAST between ARRAY, MAP, MULTISET and ROW types, element by element (Flink's rule: a collection casts when its
 * elements, keys, values or fields cast). Values are the external Java values generated code holds for these types
 * ({@link ConstructedValues}). Scalar elements convert between numeric types, BOOLEAN, character strings (parsed
 * and printed as the scalar CAST does), DATE, TIME and TIMESTAMP; {@link #check} rejects any other pair when the
 * query is planned. A string that does not parse fails the query (TRY_CAST makes the whole value NULL).
 */
public final class CollectionCastRuntime {
    private CollectionCastRuntime() {
    }

    /** Throws "not supported yet" when a value of {@code from} cannot be cast to {@code to} by {@link #cast}. */
    public static void check(LogicalType from, LogicalType to) {
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (f == TypeRoot.NULL) {
            return;
        }
        boolean ok;
        switch (t) {
            case ARRAY:
            case MULTISET:
                ok = f == t;
                if (ok) {
                    check(from.elementType(), to.elementType());
                }
                break;
            case MAP:
                ok = f == t;
                if (ok) {
                    check(from.keyType(), to.keyType());
                    check(from.valueType(), to.valueType());
                }
                break;
            case ROW:
                ok = f == t && from.children().size() == to.children().size();
                if (ok) {
                    for (int i = 0; i < to.children().size(); i++) {
                        check(from.children().get(i), to.children().get(i));
                    }
                }
                break;
            default:
                ok = scalarSupported(f, t);
        }
        if (!ok) {
            throw new UnsupportedFeatureException("CAST from " + from.typeName() + " to " + to.typeName());
        }
    }

    private static boolean scalarSupported(TypeRoot f, TypeRoot t) {
        if (f == t || t.isCharacterString()) {
            return f != TypeRoot.ARRAY && f != TypeRoot.MAP && f != TypeRoot.MULTISET && f != TypeRoot.ROW;
        }
        boolean fromSimple = f.isNumeric() || f == TypeRoot.BOOLEAN || f.isCharacterString();
        if ((t.isNumeric() || t == TypeRoot.BOOLEAN) && fromSimple) {
            return true;
        }
        if (t == TypeRoot.DATE || t == TypeRoot.TIME || t == TypeRoot.TIMESTAMP) {
            return f.isCharacterString() || f == TypeRoot.TIMESTAMP || (t == TypeRoot.TIMESTAMP && f == TypeRoot.DATE);
        }
        return false;
    }

    /** {@code value} (an external value of {@code from}, or null) as a value of {@code to}. */
    public static Object cast(Object value, LogicalType from, LogicalType to) {
        if (value == null) {
            return null;
        }
        switch (to.root()) {
            case ARRAY: {
                Object[] in = value instanceof Collection ? ((Collection<?>) value).toArray() : (Object[]) value;
                Object[] out = ConstructedValues.newArray(to.elementType(), in.length);
                for (int i = 0; i < in.length; i++) {
                    out[i] = cast(in[i], from.elementType(), to.elementType());
                }
                return out;
            }
            case MAP: {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.put(cast(e.getKey(), from.keyType(), to.keyType()),
                            cast(e.getValue(), from.valueType(), to.valueType()));
                }
                return out;
            }
            case MULTISET: {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.merge(cast(e.getKey(), from.elementType(), to.elementType()), e.getValue(),
                            (a, b) -> (Integer) a + (Integer) b);
                }
                return out;
            }
            case ROW: {
                Row in = (Row) value;
                Row out = new Row(in.getKind(), in.getArity());
                for (int i = 0; i < in.getArity(); i++) {
                    out.setField(i, cast(in.getField(i), from.children().get(i), to.children().get(i)));
                }
                return out;
            }
            default:
                return scalar(value, from, to);
        }
    }

    private static Object scalar(Object v, LogicalType from, LogicalType to) {
        TypeRoot t = to.root();
        if (t.isCharacterString()) {
            String s = text(v, from);
            return to.precision() == LogicalType.MAX_LENGTH ? s
                    : StringRuntime.fitLength(s, to.precision(), t == TypeRoot.CHAR);
        }
        if (v instanceof String) {
            return parse((String) v, to);
        }
        if (v instanceof Boolean) {
            boolean b = (Boolean) v;
            return t == TypeRoot.BOOLEAN ? v : number(b ? 1 : 0, to);
        }
        if (v instanceof Number) {
            if (t == TypeRoot.BOOLEAN) {
                return v instanceof BigDecimal ? ((BigDecimal) v).signum() != 0 : ((Number) v).doubleValue() != 0;
            }
            return number((Number) v, to);
        }
        if (v instanceof LocalDateTime) {
            LocalDateTime ts = (LocalDateTime) v;
            switch (t) {
                case DATE:
                    return ts.toLocalDate();
                case TIME:
                    return ts.toLocalTime();
                case TIMESTAMP:
                    return TimestampUnits.toLocalDateTime(TimestampUnits.fromLocalDateTime(ts, to.precision()),
                            to.precision());
                default:
                    break;
            }
        }
        if (v instanceof LocalDate && t == TypeRoot.TIMESTAMP) {
            return ((LocalDate) v).atStartOfDay();
        }
        if (from.root() == t) {
            return v;
        }
        throw new UnsupportedFeatureException("CAST from " + from.typeName() + " to " + to.typeName());
    }

    private static Object number(Number n, LogicalType to) {
        switch (to.root()) {
            case TINYINT:
                return n.byteValue();
            case SMALLINT:
                return n.shortValue();
            case INTEGER:
                return n.intValue();
            case BIGINT:
                return n.longValue();
            case FLOAT:
                return n.floatValue();
            case DOUBLE:
                return n.doubleValue();
            case DECIMAL:
                return (n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString()))
                        .setScale(to.scale(), RoundingMode.HALF_UP);
            default:
                throw new UnsupportedFeatureException("CAST from a number to " + to.typeName());
        }
    }

    private static Object parse(String s, LogicalType to) {
        switch (to.root()) {
            case BOOLEAN:
                return CastRuntime.parseBoolean(s);
            case TINYINT:
                return CastRuntime.parseTinyInt(s);
            case SMALLINT:
                return CastRuntime.parseSmallInt(s);
            case INTEGER:
                return CastRuntime.parseInt(s);
            case BIGINT:
                return CastRuntime.parseBigInt(s);
            case FLOAT:
                return CastRuntime.parseFloat(s);
            case DOUBLE:
                return CastRuntime.parseDouble(s);
            case DECIMAL:
                return CastRuntime.parseDecimal(s, to.precision(), to.scale());
            case DATE:
                return LocalDate.ofEpochDay(DateTimeRuntime.parseDate(s));
            case TIME:
                return LocalTime.ofNanoOfDay(DateTimeRuntime.parseTime(s) * 1_000_000L);
            case TIMESTAMP:
                return TimestampUnits.toLocalDateTime(DateTimeRuntime.parseTimestamp(s, to.precision()),
                        to.precision());
            default:
                throw new UnsupportedFeatureException("CAST from STRING to " + to.typeName());
        }
    }

    private static String text(Object v, LogicalType from) {
        switch (from.root()) {
            case BOOLEAN:
                return CastRuntime.toString((Boolean) v);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return CastRuntime.toString(((Number) v).longValue());
            case FLOAT:
                return CastRuntime.toString((Float) v);
            case DOUBLE:
                return CastRuntime.toString((Double) v);
            case DECIMAL:
                return CastRuntime.toString((BigDecimal) v);
            case BINARY:
            case VARBINARY:
                return CastRuntime.toString((byte[]) v);
            case DATE:
                return DateTimeRuntime.formatDate((int) ((LocalDate) v).toEpochDay());
            case TIME:
                return DateTimeRuntime.formatTime((int) (((LocalTime) v).toNanoOfDay() / 1_000_000L),
                        from.precision());
            case TIMESTAMP:
                return DateTimeRuntime.formatTimestamp(
                        TimestampUnits.fromLocalDateTime((LocalDateTime) v, from.precision()), from.precision());
            default:
                return v.toString();
        }
    }
}
