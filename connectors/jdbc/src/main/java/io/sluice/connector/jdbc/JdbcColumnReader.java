package io.sluice.connector.jdbc;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies one column of the current {@link ResultSet} row into slot {@code row} of an Arrow vector, with the
 * typed getter of the column's Sluice type (no intermediate boxed value for numbers).
 */
final class JdbcColumnReader {
    private JdbcColumnReader() {
    }

    /** Reads column {@code column} (1-based) of {@code rs} into {@code vector[row]} as {@code type}. */
    static void read(ResultSet rs, int column, LogicalType type, FieldVector vector, int row) throws SQLException {
        switch (type.root()) {
            case BOOLEAN: {
                boolean v = rs.getBoolean(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((BitVector) vector).setSafe(row, v ? 1 : 0);
                }
                return;
            }
            case TINYINT: {
                short v = rs.getShort(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((TinyIntVector) vector).setSafe(row, (byte) v);
                }
                return;
            }
            case SMALLINT: {
                short v = rs.getShort(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((SmallIntVector) vector).setSafe(row, v);
                }
                return;
            }
            case INTEGER: {
                int v = rs.getInt(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((IntVector) vector).setSafe(row, v);
                }
                return;
            }
            case BIGINT: {
                long v = rs.getLong(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((BigIntVector) vector).setSafe(row, v);
                }
                return;
            }
            case FLOAT: {
                float v = rs.getFloat(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((Float4Vector) vector).setSafe(row, v);
                }
                return;
            }
            case DOUBLE: {
                double v = rs.getDouble(column);
                if (rs.wasNull()) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((Float8Vector) vector).setSafe(row, v);
                }
                return;
            }
            case DECIMAL: {
                BigDecimal v = rs.getBigDecimal(column);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    v = v.setScale(type.scale(), RoundingMode.HALF_UP);
                    if (v.precision() > type.precision()) {
                        VectorValues.setNull(vector, row);
                    } else {
                        ((DecimalVector) vector).setSafe(row, v);
                    }
                }
                return;
            }
            case CHAR:
            case VARCHAR: {
                String v = rs.getString(column);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((VarCharVector) vector).setSafe(row, v.getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            case BINARY:
            case VARBINARY: {
                byte[] v = rs.getBytes(column);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((VarBinaryVector) vector).setSafe(row, v);
                }
                return;
            }
            case DATE: {
                LocalDate v = rs.getObject(column, LocalDate.class);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((DateDayVector) vector).setSafe(row, (int) v.toEpochDay());
                }
                return;
            }
            case TIME: {
                LocalTime v = rs.getObject(column, LocalTime.class);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((TimeMilliVector) vector).setSafe(row, (int) (v.toNanoOfDay() / 1_000_000L));
                }
                return;
            }
            case TIMESTAMP: {
                LocalDateTime v = rs.getObject(column, LocalDateTime.class);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((TimeStampVector) vector).setSafe(row, TimestampUnits.fromLocalDateTime(v, type.precision()));
                }
                return;
            }
            case TIMESTAMP_LTZ: {
                OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
                if (v == null) {
                    VectorValues.setNull(vector, row);
                } else {
                    ((TimeStampVector) vector).setSafe(row, TimestampUnits.fromInstant(v.toInstant(), type.precision()));
                }
                return;
            }
            default:
                throw new io.sluice.table.api.UnsupportedFeatureException("reading " + type + " from a jdbc table");
        }
    }

    /** Reads column {@code column} (1-based) of {@code rs} as the external value of {@code type}, or null. */
    static Object readValue(ResultSet rs, int column, LogicalType type) throws SQLException {
        switch (type.root()) {
            case BOOLEAN:
                return nullable(rs, rs.getBoolean(column));
            case TINYINT:
                return nullable(rs, (byte) rs.getShort(column));
            case SMALLINT:
                return nullable(rs, rs.getShort(column));
            case INTEGER:
                return nullable(rs, rs.getInt(column));
            case BIGINT:
                return nullable(rs, rs.getLong(column));
            case FLOAT:
                return nullable(rs, rs.getFloat(column));
            case DOUBLE:
                return nullable(rs, rs.getDouble(column));
            case DECIMAL:
                return rs.getBigDecimal(column);
            case CHAR:
            case VARCHAR:
                return rs.getString(column);
            case BINARY:
            case VARBINARY:
                return rs.getBytes(column);
            case DATE:
                return rs.getObject(column, LocalDate.class);
            case TIME:
                return rs.getObject(column, LocalTime.class);
            case TIMESTAMP:
                return rs.getObject(column, LocalDateTime.class);
            case TIMESTAMP_LTZ: {
                OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            }
            default:
                throw new io.sluice.table.api.UnsupportedFeatureException("reading " + type + " from a jdbc table");
        }
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
