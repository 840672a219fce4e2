package io.sluice.runtime.types;

import java.util.List;
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
    /** Element type of ARRAY/MULTISET, key and value of MAP, field types of ROW; empty otherwise. */
    private final List<LogicalType> children;
    /** Field names of ROW; empty otherwise. */
    private final List<String> fieldNames;

    private LogicalType(TypeRoot root, boolean nullable, int precision, int scale) {
        this(root, nullable, precision, scale, List.of(), List.of());
    }

    private LogicalType(TypeRoot root, boolean nullable, int precision, int scale, List<LogicalType> children,
            List<String> fieldNames) {
        this.root = Objects.requireNonNull(root);
        this.nullable = nullable;
        this.precision = precision;
        this.scale = scale;
        this.children = List.copyOf(children);
        this.fieldNames = List.copyOf(fieldNames);
    }

    /** A nullable {@code ARRAY<element>}. */
    public static LogicalType array(LogicalType element) {
        return new LogicalType(TypeRoot.ARRAY, true, 0, 0, List.of(element), List.of());
    }

    /** A nullable {@code MULTISET<element>}. */
    public static LogicalType multiset(LogicalType element) {
        return new LogicalType(TypeRoot.MULTISET, true, 0, 0, List.of(element), List.of());
    }

    /** A nullable {@code MAP<key, value>}. */
    public static LogicalType map(LogicalType key, LogicalType value) {
        return new LogicalType(TypeRoot.MAP, true, 0, 0, List.of(key, value), List.of());
    }

    /** A nullable {@code ROW<name type, ...>}. */
    public static LogicalType row(List<String> names, List<LogicalType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("ROW needs one name per field type");
        }
        return new LogicalType(TypeRoot.ROW, true, 0, 0, types, names);
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
        return nullable == this.nullable ? this
                : new LogicalType(root, nullable, precision, scale, children, fieldNames);
    }

    /** Element type of ARRAY/MULTISET, key and value of MAP, field types of ROW; empty for other types. */
    public List<LogicalType> children() {
        return children;
    }

    /** Field names of a ROW; empty for other types. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The element type of an ARRAY or MULTISET. */
    public LogicalType elementType() {
        return children.get(0);
    }

    /** The key type of a MAP. */
    public LogicalType keyType() {
        return children.get(0);
    }

    /** The value type of a MAP. */
    public LogicalType valueType() {
        return children.get(1);
    }

    public LogicalType notNull() {
        return copy(false);
    }

    /** Equal ignoring nullability. */
    public boolean sameTypeAs(LogicalType other) {
        return root == other.root && precision == other.precision && scale == other.scale
                && children.equals(other.children) && fieldNames.equals(other.fieldNames);
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
            case ARRAY:
            case MULTISET:
                return root.name() + "<" + children.get(0) + ">";
            case MAP:
                return "MAP<" + children.get(0) + ", " + children.get(1) + ">";
            case ROW: {
                StringBuilder sb = new StringBuilder("ROW<");
                for (int i = 0; i < children.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append('`').append(fieldNames.get(i).replace("`", "``"))
                            .append("` ").append(children.get(i));
                }
                return sb.append('>').toString();
            }
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
        return root == t.root && nullable == t.nullable && precision == t.precision && scale == t.scale
                && children.equals(t.children) && fieldNames.equals(t.fieldNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, nullable, precision, scale, children, fieldNames);
    }
}
