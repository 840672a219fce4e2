package io.sluice.runtime.types;

import java.util.Objects;

/**
 * A SQL type as the runtime sees it: a {@link TypeRoot}, nullability, and precision/scale where the
 * type has them. Immutable. {@link #toString()} prints Flink's spelling ({@code STRING},
 * {@code DECIMAL(10, 2)}, {@code TIMESTAMP(3) NOT NULL}, ...).
 *
 * <p>Each type maps to exactly one Arrow vector class; see {@link ArrowTypes}.
 */
public final class LogicalType {
    /** Length of {@code STRING} / {@code BYTES}: VARCHAR and VARBINARY of this length. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE;
    /** Largest DECIMAL precision. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    private final TypeRoot root;
    private final boolean nullable;
    private final int precision;
    private final int scale;

    private LogicalType(TypeRoot root, boolean nullable, int precision, int scale) {
        this.root = Objects.requireNonNull(root);
        this.nullable = nullable;
        this.precision = precision;
        this.scale = scale;
    }

    public static LogicalType of(TypeRoot root) {
        return new LogicalType(root, true, defaultPrecision(root), 0);
    }

    public static LogicalType of(TypeRoot root, int precision) {
        return new LogicalType(root, true, precision, 0);
    }

    public static LogicalType of(TypeRoot root, int precision, int scale) {
        return new LogicalType(root, true, precision, scale);
    }

    public static LogicalType booleanType() { return of(TypeRoot.BOOLEAN); }
    public static LogicalType tinyint() { return of(TypeRoot.TINYINT); }
    public static LogicalType smallint() { return of(TypeRoot.SMALLINT); }
    public static LogicalType integer() { return of(TypeRoot.INTEGER); }
    public static LogicalType bigint() { return of(TypeRoot.BIGINT); }
    public static LogicalType floatType() { return of(TypeRoot.FLOAT); }
    public static LogicalType doubleType() { return of(TypeRoot.DOUBLE); }
    public static LogicalType decimal(int precision, int scale) { return of(TypeRoot.DECIMAL, precision, scale); }
    public static LogicalType string() { return of(TypeRoot.VARCHAR, MAX_LENGTH); }
    public static LogicalType varchar(int length) { return of(TypeRoot.VARCHAR, length); }
    public static LogicalType bytes() { return of(TypeRoot.VARBINARY, MAX_LENGTH); }
    public static LogicalType date() { return of(TypeRoot.DATE); }
    public static LogicalType timestamp(int precision) { return of(TypeRoot.TIMESTAMP, precision); }
    public static LogicalType timestampLtz(int precision) { return of(TypeRoot.TIMESTAMP_LTZ, precision); }

    private static int defaultPrecision(TypeRoot root) {
        switch (root) {
            case CHAR:
            case BINARY:
                return 1;
            case VARCHAR:
            case VARBINARY:
                return MAX_LENGTH;
            case DECIMAL:
                return 10;
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return 6;
            default:
                return 0;
        }
    }

    public TypeRoot root() {
        return root;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** Length for string types, digits for DECIMAL, fractional-second digits for TIME/TIMESTAMP. */
    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    public LogicalType copy(boolean nullable) {
        return nullable == this.nullable ? this : new LogicalType(root, nullable, precision, scale);
    }

    public LogicalType notNull() {
        return copy(false);
    }

    /** Equal ignoring nullability. */
    public boolean sameTypeAs(LogicalType other) {
        return root == other.root && precision == other.precision && scale == other.scale;
    }

    /** Flink's spelling of the type without nullability. */
    public String typeName() {
        switch (root) {
            case VARCHAR:
                return precision == MAX_LENGTH ? "STRING" : "VARCHAR(" + precision + ")";
            case VARBINARY:
                return precision == MAX_LENGTH ? "BYTES" : "VARBINARY(" + precision + ")";
            case CHAR:
                return "CHAR(" + precision + ")";
            case BINARY:
                return "BINARY(" + precision + ")";
            case DECIMAL:
                return "DECIMAL(" + precision + ", " + scale + ")";
            case TIME:
                return "TIME(" + precision + ")";
            case TIMESTAMP:
                return "TIMESTAMP(" + precision + ")";
            case TIMESTAMP_LTZ:
                return "TIMESTAMP_LTZ(" + precision + ")";
            case INTERVAL_YEAR_MONTH:
                return "INTERVAL YEAR TO MONTH";
            case INTERVAL_DAY_TIME:
                return "INTERVAL DAY TO SECOND(3)";
            case INTEGER:
                return "INT";
            default:
                return root.name();
        }
    }

    @Override
    public String toString() {
        return nullable ? typeName() : typeName() + " NOT NULL";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LogicalType)) {
            return false;
        }
        LogicalType t = (LogicalType) o;
        return root == t.root && nullable == t.nullable && precision == t.precision && scale == t.scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, nullable, precision, scale);
    }
}
