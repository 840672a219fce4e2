package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;

/** The PostgreSQL types Sluice's columns are reported as: OID, fixed size (-1 variable), and the name clients see. */
enum PgType {
    BOOL(16, 1, "bool"),
    BYTEA(17, -1, "bytea"),
    INT8(20, 8, "int8"),
    INT2(21, 2, "int2"),
    INT4(23, 4, "int4"),
    TEXT(25, -1, "text"),
    FLOAT4(700, 4, "float4"),
    FLOAT8(701, 8, "float8"),
    BPCHAR(1042, -1, "bpchar"),
    VARCHAR(1043, -1, "varchar"),
    DATE(1082, 4, "date"),
    TIME(1083, 8, "time"),
    TIMESTAMP(1114, 8, "timestamp"),
    TIMESTAMPTZ(1184, 8, "timestamptz"),
    INTERVAL(1186, 16, "interval"),
    NUMERIC(1700, -1, "numeric");

    private final int oid;
    private final short size;
    private final String pgName;

    PgType(int oid, int size, String pgName) {
        this.oid = oid;
        this.size = (short) size;
        this.pgName = pgName;
    }

    int oid() {
        return oid;
    }

    short size() {
        return size;
    }

    String pgName() {
        return pgName;
    }

    /** The type with this OID, or null when Sluice has no counterpart. */
    static PgType ofOid(int oid) {
        for (PgType t : values()) {
            if (t.oid == oid) {
                return t;
            }
        }
        return null;
    }

    /** How a Sluice column type is reported. */
    static PgType of(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN: return BOOL;
            case TINYINT:
            case SMALLINT: return INT2;
            case INTEGER: return INT4;
            case BIGINT: return INT8;
            case FLOAT: return FLOAT4;
            case DOUBLE: return FLOAT8;
            case DECIMAL: return NUMERIC;
            case CHAR: return BPCHAR;
            case VARCHAR: return type.precision() == LogicalType.MAX_LENGTH ? TEXT : VARCHAR;
            case BINARY:
            case VARBINARY: return BYTEA;
            case DATE: return DATE;
            case TIME: return TIME;
            case TIMESTAMP: return TIMESTAMP;
            case TIMESTAMP_LTZ: return TIMESTAMPTZ;
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME: return INTERVAL;
            default: return TEXT;
        }
    }

    /** The type modifier PostgreSQL reports (length + 4 for varchar/char, precision and scale for numeric). */
    static int typeModifier(LogicalType type) {
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                return type.precision() == LogicalType.MAX_LENGTH ? -1 : type.precision() + 4;
            case DECIMAL:
                return ((type.precision() << 16) | type.scale()) + 4;
            default:
                return -1;
        }
    }
}
