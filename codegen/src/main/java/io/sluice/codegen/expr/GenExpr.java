package io.sluice.codegen.expr;

import io.sluice.runtime.types.LogicalType;

/**
 * The generated form of one expression: Java expressions for its null flag and value, valid after
 * the statements that computed them. A string or binary column reference is kept undecoded
 * ({@link #vector()} names the input vector, {@link #value()} is null) so kernels can work on the
 * UTF-8 bytes; {@link ExprGenerator#value} decodes it when a Java value is needed.
 */
public final class GenExpr {
    private final String isNull;
    private final String value;
    private final LogicalType type;
    private final String vector;
    private final Object literal;

    public GenExpr(String isNull, String value, LogicalType type, String vector, Object literal) {
        this.isNull = isNull;
        this.value = value;
        this.type = type;
        this.vector = vector;
        this.literal = literal;
    }

    public static GenExpr of(String isNull, String value, LogicalType type) {
        return new GenExpr(isNull, value, type, null, null);
    }

    /** A Java boolean expression: true when the value is NULL. */
    public String isNull() {
        return isNull;
    }

    /** A Java expression of {@link JavaTypes#javaType} of {@link #type()}, or null for an undecoded column. */
    public String value() {
        return value;
    }

    public LogicalType type() {
        return type;
    }

    /** The input vector variable of an undecoded string/binary column reference, else null. */
    public String vector() {
        return vector;
    }

    /** The Java value of a non-null constant (String, BigDecimal, Long, Double, Boolean, byte[]), else null. */
    public Object literal() {
        return literal;
    }

    public boolean isConstant() {
        return literal != null;
    }

    public boolean neverNull() {
        return "false".equals(isNull);
    }

    public boolean alwaysNull() {
        return "true".equals(isNull);
    }
}
