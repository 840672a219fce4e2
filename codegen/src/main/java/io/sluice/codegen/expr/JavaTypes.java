package io.sluice.codegen.expr;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;

/**
 * The Java representation generated code uses for each {@link LogicalType}. ARRAY, MAP, MULTISET and ROW values
 * are their external Java values ({@link io.sluice.runtime.data.ConstructedValues}): {@code Object[]} (of the
 * element's external class), {@code java.util.Map} and {@code io.sluice.types.Row}.
 */
public final class JavaTypes {
    private JavaTypes() {
    }

    public static String javaType(LogicalType t) {
        switch (t.root()) {
            case BOOLEAN:
                return "boolean";
            case TINYINT:
                return "byte";
            case SMALLINT:
                return "short";
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR_MONTH:
                return "int";
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case INTERVAL_DAY_TIME:
                return "long";
            case FLOAT:
                return "float";
            case DOUBLE:
                return "double";
            case DECIMAL:
                return "java.math.BigDecimal";
            case CHAR:
            case VARCHAR:
                return "String";
            case BINARY:
            case VARBINARY:
                return "byte[]";
            case NULL:
                return "Object";
            case ARRAY:
                return "Object[]";
            case MAP:
            case MULTISET:
                return "java.util.Map";
            case ROW:
                return "io.sluice.types.Row";
            default:
                throw new IllegalArgumentException("no Java type for " + t);
        }
    }

    public static String defaultValue(LogicalType t) {
        switch (javaType(t)) {
            case "boolean":
                return "false";
            case "byte":
                return "(byte) 0";
            case "short":
                return "(short) 0";
            case "int":
                return "0";
            case "long":
                return "0L";
            case "float":
                return "0f";
            case "double":
                return "0d";
            default:
                return "null";
        }
    }

    /** Whether the Java representation is an object (null can stand for SQL NULL). */
    /** Whether {@code t} is a DECIMAL whose unscaled values fit a {@code long} (precision at most 18). */
    public static boolean isCompactDecimal(LogicalType t) {
        return t.root() == TypeRoot.DECIMAL && t.precision() <= 18;
    }

    public static boolean isReference(LogicalType t) {
        return "null".equals(defaultValue(t));
    }

    public static String vectorClass(LogicalType t) {
        return ArrowTypes.vectorClass(t).getName();
    }

    public static boolean isStringLike(LogicalType t) {
        return t.root().isCharacterString();
    }

    /** Numeric rank for binary promotion: 1 byte .. 4 long, 5 decimal, 6 float, 7 double; 0 otherwise. */
    public static int numericRank(LogicalType t) {
        switch (t.root()) {
            case TINYINT:
                return 1;
            case SMALLINT:
                return 2;
            case INTEGER:
                return 3;
            case BIGINT:
                return 4;
            case DECIMAL:
                return 5;
            case FLOAT:
                return 6;
            case DOUBLE:
                return 7;
            default:
                return 0;
        }
    }

    public static boolean isNumeric(LogicalType t) {
        return t.root().isNumeric();
    }

    public static boolean isIntegral(LogicalType t) {
        return t.root().isIntegral();
    }

    public static boolean isTimestamp(LogicalType t) {
        return t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ;
    }

    /** A Java string literal for {@code s}, escaping everything outside printable ASCII. */
    public static String stringLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\%03o", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }
}
