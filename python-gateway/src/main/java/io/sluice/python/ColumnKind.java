package io.sluice.python;

import io.sluice.runtime.types.LogicalType;

/**
 * How one column's values are laid out in its binary buffers (all little-endian, one validity byte per row before
 * the values): fixed-width numbers, days since the epoch for DATE, nanoseconds of the day for TIME, microseconds
 * since the epoch for TIMESTAMP (wall clock read as UTC) and TIMESTAMP_LTZ, and int32 offsets plus UTF-8 bytes for
 * strings, decimals (their plain text) and binary values.
 */
enum ColumnKind {
    BOOL(1), I8(1), I16(2), I32(4), I64(8), F32(4), F64(8), DATE(4), TIME(8), TS(8), LTZ(8),
    STR(-1), DECIMAL(-1), BYTES(-1);

    final int width;

    ColumnKind(int width) {
        this.width = width;
    }

    boolean variableWidth() {
        return width < 0;
    }

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static ColumnKind of(LogicalType t) {
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
            default: return STR;
        }
    }
}
