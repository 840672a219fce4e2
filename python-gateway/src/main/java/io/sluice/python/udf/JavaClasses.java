package io.sluice.python.udf;

import io.sluice.runtime.types.LogicalType;

/** The Java class a Python function's value of a SQL type is passed as. */
final class JavaClasses {
    private JavaClasses() {
    }

    /** The class, or null for a type Python functions do not take yet. */
    static Class<?> of(LogicalType t) {
        switch (t.root()) {
            case BOOLEAN: return Boolean.class;
            case TINYINT: return Byte.class;
            case SMALLINT: return Short.class;
            case INTEGER: return Integer.class;
            case BIGINT: return Long.class;
            case FLOAT: return Float.class;
            case DOUBLE: return Double.class;
            case DECIMAL: return java.math.BigDecimal.class;
            case CHAR:
            case VARCHAR: return String.class;
            case BINARY:
            case VARBINARY: return byte[].class;
            case DATE: return java.time.LocalDate.class;
            case TIME: return java.time.LocalTime.class;
            case TIMESTAMP: return java.time.LocalDateTime.class;
            case TIMESTAMP_LTZ: return java.time.Instant.class;
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW: return io.sluice.runtime.data.ConstructedValues.externalClass(t);
            default: return null;
        }
    }
}
