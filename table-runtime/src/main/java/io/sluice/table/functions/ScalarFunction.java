package io.sluice.table.functions;

/**
 * A user-defined scalar function: maps zero or more values to one value. Write one or more public
 * methods named {@code eval}; a call picks the overload whose parameter types fit the SQL argument types
 * best (an exact match first, then implicit widening such as INT to BIGINT or DOUBLE). Supported Java
 * types and their SQL types: {@code boolean/Boolean} BOOLEAN, {@code byte/Byte} TINYINT,
 * {@code short/Short} SMALLINT, {@code int/Integer} INT, {@code long/Long} BIGINT, {@code float/Float}
 * FLOAT, {@code double/Double} DOUBLE, {@code BigDecimal} DECIMAL(38, 18), {@code String} STRING,
 * {@code byte[]} BYTES, {@code LocalDate} DATE, {@code LocalTime} TIME(0), {@code LocalDateTime}
 * TIMESTAMP(3), {@code Instant} TIMESTAMP_LTZ(3); a trailing varargs parameter accepts any number of
 * arguments. {@link DataTypeHint} on a method (result) or parameter overrides the inferred type.
 *
 * <p>NULL: a boxed or reference parameter receives {@code null}. A primitive parameter cannot: when its
 * argument is NULL the call returns NULL without calling {@code eval}. (Flink rejects a nullable argument
 * for a primitive parameter at validation; Sluice accepts it, which only makes more queries valid.) A
 * primitive return type gives a NOT NULL result when no primitive parameter can receive NULL.
 */
public abstract class ScalarFunction extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;
}
