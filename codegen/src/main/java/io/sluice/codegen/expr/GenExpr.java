package io.sluice.codegen.expr;

import io.sluice.runtime.types.LogicalType;

/**
 * The generated form of one expression: Java expressions for its null flag and value, valid after
 * the statements that computed them. A string or binary column reference is kept undecoded
 * ({@link #vector()} names the input vector, {@link #value()} is null) so kernels can work on the
 * UTF-8 bytes; {@link ExprGenerator#value} decodes it when a Java value is needed. A DECIMAL of precision
 * at most 18 may carry its unscaled value as a Java {@code long} ({@link #unscaled()}); its {@link #value()} is
 * then null until {@link ExprGenerator#value} makes a {@code BigDecimal} of it, so chains of DECIMAL arithmetic
 * and comparisons run without allocating.
 */
public final class GenExpr {
    private final String isNull;
    private final String value;
    private final LogicalType type;
    private final String vector;
    private final Object literal;
    private final String unscaled;
    private final String wideUnscaled;
    private final String wideBig;

    public GenExpr(String isNull, String value, LogicalType type, String vector, Object literal) {
        this(isNull, value, type, vector, literal, null);
    }

    private GenExpr(String isNull, String value, LogicalType type, String vector, Object literal, String unscaled) {
        this(isNull, value, type, vector, literal, unscaled, null, null);
    }

    private GenExpr(String isNull, String value, LogicalType type, String vector, Object literal, String unscaled,
            String wideUnscaled, String wideBig) {
        this.isNull = isNull;
        this.value = value;
        this.type = type;
        this.vector = vector;
        this.literal = literal;
        this.unscaled = unscaled;
        this.wideUnscaled = wideUnscaled;
        this.wideBig = wideBig;
    }

    /**
     * A DECIMAL of precision above 18 held as the unscaled {@code long} variable {@code unscaled} while the
     * {@code BigDecimal} variable {@code big} is null, else as {@code big} (the result of arithmetic on small values
     * whose type is wide, such as a product of two DECIMAL(15, 2)); {@link #value()} makes a {@code BigDecimal} of
     * either.
     */
    public static GenExpr wideDecimal(String isNull, String unscaled, String big, LogicalType type) {
        if (type.root() != io.sluice.runtime.types.TypeRoot.DECIMAL || JavaTypes.isCompactDecimal(type)) {
            throw new IllegalArgumentException("not a DECIMAL of precision > 18: " + type);
        }
        String value = "(" + big + " != null ? " + big + " : java.math.BigDecimal.valueOf(" + unscaled + ", "
                + type.scale() + "))";
        return new GenExpr(isNull, value, type, null, null, null, unscaled, big);
    }

    /**
     * A DECIMAL of precision at most 18 given by its unscaled {@code long} (a Java expression, meaningful when not
     * NULL); {@code value} is a {@code BigDecimal} expression of the same number, or null to make one on demand.
     */
    public static GenExpr compactDecimal(String isNull, String unscaled, LogicalType type, String value,
            Object literal) {
        if (!JavaTypes.isCompactDecimal(type)) {
            throw new IllegalArgumentException("not a DECIMAL of precision <= 18: " + type);
        }
        return new GenExpr(isNull, value, type, null, literal, unscaled);
    }

    /** The same expression under another type with the same representation (a no-op CAST). */
    public GenExpr withType(LogicalType newType) {
        boolean sameWide = wideUnscaled != null && newType.root() == type.root()
                && newType.precision() == type.precision() && newType.scale() == type.scale();
        return new GenExpr(isNull, value, newType, vector, literal,
                JavaTypes.isCompactDecimal(newType) && newType.scale() == type.scale() ? unscaled : null,
                sameWide ? wideUnscaled : null, sameWide ? wideBig : null);
    }

    public static GenExpr of(String isNull, String value, LogicalType type) {
        return new GenExpr(isNull, value, type, null, null);
    }

    /** A Java boolean expression: true when the value is NULL. */
    public String isNull() {
        return isNull;
    }

    /**
     * A Java expression of {@link JavaTypes#javaType} of {@link #type()}, or null for an undecoded column or a
     * DECIMAL held only as {@link #unscaled()}.
     */
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

    /**
     * For a DECIMAL(p, s) with p &le; 18: a Java {@code long} expression holding the value times 10^s (valid when
     * not NULL), or null when only the {@code BigDecimal} {@link #value()} is available.
     */
    public String unscaled() {
        return unscaled;
    }

    /**
     * For a {@link #wideDecimal}: the {@code long} variable holding the unscaled value while {@link #wideBig()} is
     * null; else null.
     */
    public String wideUnscaled() {
        return wideUnscaled;
    }

    /** For a {@link #wideDecimal}: the {@code BigDecimal} variable, null while the value is held as a long. */
    public String wideBig() {
        return wideBig;
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
