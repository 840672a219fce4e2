package io.sluice.connector.filesystem.partition;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Converts partition values between their directory-name text and the external Java values of
 * {@link io.sluice.runtime.data.VectorValues}: writing uses the value's {@code toString()} (as Flink does,
 * e.g. {@code 2024-01-01T10:15} for a TIMESTAMP), reading parses that text back to the column's type.
 */
public final class PartitionValues {
    private PartitionValues() {
    }

    /**
     * Rejects partition columns whose values cannot round-trip through a directory name.
     *
     * @throws UnsupportedFeatureException for BINARY/VARBINARY, intervals and other non-scalar types
     */
    public static void checkSupported(String column, LogicalType type) {
        switch (type.root()) {
            case BOOLEAN: case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case FLOAT: case DOUBLE:
            case DECIMAL: case CHAR: case VARCHAR: case DATE: case TIME: case TIMESTAMP: case TIMESTAMP_LTZ:
                return;
            default:
                throw new UnsupportedFeatureException("partition column '" + column + "' of type " + type);
        }
    }

    /** The directory-name text of an external value (before escaping); null stays null. */
    public static String toText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return value.toString();
    }

    /**
     * The external value of a partition directory's text; null stays null.
     *
     * @param where names the directory in an error message
     * @throws TableException when the text is not a value of the column's type
     */
    public static Object parse(String text, LogicalType type, String column, String where) {
        if (text == null) {
            return null;
        }
        try {
            switch (type.root()) {
                case CHAR:
                case VARCHAR:
                    return text;
                case BOOLEAN:
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text);
                    }
                    throw new IllegalArgumentException("not a BOOLEAN");
                case TINYINT:
                    return Byte.parseByte(text.trim());
                case SMALLINT:
                    return Short.parseShort(text.trim());
                case INTEGER:
                    return Integer.parseInt(text.trim());
                case BIGINT:
                    return Long.parseLong(text.trim());
                case FLOAT:
                    return Float.parseFloat(text.trim());
                case DOUBLE:
                    return Double.parseDouble(text.trim());
                case DECIMAL:
                    return new BigDecimal(text.trim());
                case DATE:
                    return LocalDate.parse(text.trim());
                case TIME:
                    return LocalTime.parse(text.trim());
                case TIMESTAMP:
                    return LocalDateTime.parse(text.trim().replace(' ', 'T'));
                case TIMESTAMP_LTZ:
                    return Instant.parse(text.trim().replace(' ', 'T'));
                default:
                    throw new UnsupportedFeatureException("partition column '" + column + "' of type " + type);
            }
        } catch (RuntimeException e) {
            if (e instanceof UnsupportedFeatureException) {
                throw e;
            }
            throw new TableException("Cannot convert partition value '" + text + "' of column '" + column + "' in "
                    + where + " to " + type + ".", e);
        }
    }
}
