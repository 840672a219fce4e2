package io.sluice.connector.jdbc;

import io.sluice.runtime.types.LogicalType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds external values (as {@link io.sluice.runtime.data.VectorValues} produces them) to statement parameters. */
final class JdbcValueBinder {
    private JdbcValueBinder() {
    }

    /** Sets parameter {@code index} (1-based) of {@code ps} to {@code value} of {@code type}. */
    static void bind(PreparedStatement ps, int index, LogicalType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(type));
            return;
        }
        switch (type.root()) {
            case BOOLEAN:
                ps.setBoolean(index, (Boolean) value);
                return;
            case TINYINT:
                ps.setShort(index, ((Number) value).shortValue());
                return;
            case SMALLINT:
                ps.setShort(index, ((Number) value).shortValue());
                return;
            case INTEGER:
                ps.setInt(index, ((Number) value).intValue());
                return;
            case BIGINT:
                ps.setLong(index, ((Number) value).longValue());
                return;
            case FLOAT:
                ps.setFloat(index, ((Number) value).floatValue());
                return;
            case DOUBLE:
                ps.setDouble(index, ((Number) value).doubleValue());
                return;
            case DECIMAL:
                ps.setBigDecimal(index, (java.math.BigDecimal) value);
                return;
            case CHAR:
            case VARCHAR:
                ps.setString(index, value.toString());
                return;
            case BINARY:
            case VARBINARY:
                ps.setBytes(index, (byte[]) value);
                return;
            case TIMESTAMP_LTZ:
                ps.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                return;
            default:
                ps.setObject(index, value); // DATE, TIME, TIMESTAMP: java.time values
        }
    }

    /** The {@link Types} constant for a null of {@code type}. */
    static int sqlType(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
                return Types.BOOLEAN;
            case TINYINT:
            case SMALLINT:
                return Types.SMALLINT;
            case INTEGER:
                return Types.INTEGER;
            case BIGINT:
                return Types.BIGINT;
            case FLOAT:
                return Types.REAL;
            case DOUBLE:
                return Types.DOUBLE;
            case DECIMAL:
                return Types.NUMERIC;
            case CHAR:
            case VARCHAR:
                return Types.VARCHAR;
            case BINARY:
            case VARBINARY:
                return Types.BINARY;
            case DATE:
                return Types.DATE;
            case TIME:
                return Types.TIME;
            case TIMESTAMP:
                return Types.TIMESTAMP;
            case TIMESTAMP_LTZ:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            default:
                return Types.OTHER;
        }
    }
}
