package io.sluice.python;

import io.sluice.runtime.types.LogicalType;

/**
 * How one column's values are laid out in its binary buffers (all little-endian, one validity byte per row before
 * the values): fixed-width numbers, days since the epoch for DATE, nanoseconds of the day for TIME, microseconds
 * since the epoch for TIMESTAMP (wall clock read as UTC) and TIMESTAMP_LTZ, and int32 offsets plus UTF-8 bytes for
 * strings, decimals (their plain text) and binary values; ARRAY, MAP, MULTISET and ROW values as int32 offsets plus
 * each value's {@link NestedCodec} encoding.
 */
public enum ColumnKind {
    BOOL(1), I8(1), I16(2), I32(4), I64(8), F32(4), F64(8), DATE(4), TIME(8), TS(8), LTZ(8),
    STR(-1), DECIMAL(-1), BYTES(-1), NESTED(-1);

    final int width;

    ColumnKind(int width) {
        this.width = width;
    }

    public boolean variableWidth() {
        return width < 0;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind of values of this Java class (as Python functions receive them), or null. */
    public static ColumnKind ofClass(Class<?> c) {
        if (c == Boolean.class) {
            return BOOL;
        } else if (c == Byte.class) {
            return I8;
        } else if (c == Short.class) {
            return I16;
        } else if (c == Integer.class) {
            return I32;
        } else if (c == Long.class) {
            return I64;
        } else if (c == Float.class) {
            return F32;
        } else if (c == Double.class) {
            return F64;
        } else if (c == java.math.BigDecimal.class) {
            return DECIMAL;
        } else if (c == java.time.LocalDate.class) {
            return DATE;
        } else if (c == java.time.LocalTime.class) {
            return TIME;
        } else if (c == java.time.LocalDateTime.class) {
            return TS;
        } else if (c == java.time.Instant.class) {
            return LTZ;
        } else if (c == byte[].class) {
            return BYTES;
        } else if (Object[].class.isAssignableFrom(c) || java.util.List.class.isAssignableFrom(c)
                || java.util.Map.class.isAssignableFrom(c) || c == io.sluice.types.Row.class) {
            return NESTED;
        }
        return STR;
    }

    public static ColumnKind of(LogicalType t) {
        switch (t.root()) {
            case BOOLEAN: return BOOL;
            case TINYINT: return I8;
            case SMALLINT: return I16;
            case INTEGER: return I32;
            case BIGINT: return I64;
            case FLOAT: return F32;
            case DOUBLE: return F64;
            case DECIMAL: return DECIMAL;
            case BINARY:
            case VARBINARY: return BYTES;
            case DATE: return DATE;
            case TIME: return TIME;
            case TIMESTAMP: return TS;
            case TIMESTAMP_LTZ: return LTZ;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW: return NESTED;
            default: return STR;
        }
    }
}
