package io.sluice.codegen.udf;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The Java classes user-defined functions take and return, their default SQL types, and the generated
 * conversions between them and the internal representation of generated code (see
 * {@link io.sluice.codegen.expr.JavaTypes}).
 */
public final class ExternalTypes {
    private ExternalTypes() {
    }

    /** The SQL type a Java class maps to without a hint, or null when it has no default mapping. */
    public static LogicalType defaultType(Class<?> c) {
        if (c == boolean.class || c == Boolean.class) {
            return LogicalType.booleanType();
        } else if (c == byte.class || c == Byte.class) {
            return LogicalType.tinyint();
        } else if (c == short.class || c == Short.class) {
            return LogicalType.smallint();
        } else if (c == int.class || c == Integer.class) {
            return LogicalType.integer();
        } else if (c == long.class || c == Long.class) {
            return LogicalType.bigint();
        } else if (c == float.class || c == Float.class) {
            return LogicalType.floatType();
        } else if (c == double.class || c == Double.class) {
            return LogicalType.doubleType();
        } else if (c == BigDecimal.class) {
            return LogicalType.decimal(38, 18);
        } else if (c == String.class) {
            return LogicalType.string();
        } else if (c == byte[].class) {
            return LogicalType.bytes();
        } else if (c == LocalDate.class) {
            return LogicalType.date();
        } else if (c == LocalTime.class) {
            return LogicalType.of(TypeRoot.TIME, 0);
        } else if (c == LocalDateTime.class) {
            return LogicalType.timestamp(3);
        } else if (c == Instant.class) {
            return LogicalType.timestampLtz(3);
        } else if (c.isArray() && c != Object[].class) {
            LogicalType element = defaultType(c.getComponentType());
            return element == null || c.getComponentType().isPrimitive() ? null : LogicalType.array(element);
        }
        return null;
    }

    /**
     * Whether {@code c} carries values of the constructed type {@code t} as the engine holds them
     * ({@link io.sluice.runtime.data.ConstructedValues}): an ARRAY as {@code Object[]} or an array of its
     * element's class, a MAP or MULTISET as a {@code java.util.Map}, a ROW as a {@code Row}.
     */
    private static boolean constructed(Class<?> c, LogicalType t) {
        switch (t.root()) {
            case ARRAY:
                return c == Object[].class || c.isArray() && !c.getComponentType().isPrimitive()
                        && (c.getComponentType() == Object.class
                        || compatible(c.getComponentType(), t.elementType()));
            case MAP:
            case MULTISET:
                return c == java.util.Map.class;
            case ROW:
                return c == io.sluice.types.Row.class;
            default:
                return false;
        }
    }

    /** Whether {@code c} can carry values of {@code t} (a hint may only refine, not change, the class). */
    public static boolean compatible(Class<?> c, LogicalType t) {
        if (constructed(c, t)) {
            return true;
        }
        LogicalType d = defaultType(c);
        if (d == null) {
            return false;
        }
        if (d.root() == t.root()) {
            return true;
        }
        return d.root().isCharacterString() && t.root().isCharacterString()
                || d.root().isBinaryString() && t.root().isBinaryString();
    }

    /** The Java source name of a class ({@code byte[]}, {@code int}, {@code a.b.Outer.Inner}). */
    public static String sourceName(Class<?> c) {
        if (c.isArray()) {
            return sourceName(c.getComponentType()) + "[]";
        }
        return c.getCanonicalName();
    }

    /**
     * Java source converting a non-null internal value {@code v} of SQL type {@code t} into an argument of
     * class {@code c}.
     */
    public static String toExternal(String v, Class<?> c, LogicalType t) {
        if (c == Object[].class || c == java.util.Map.class || c == io.sluice.types.Row.class) {
            return v;
        }
        if (c.isArray() && c != byte[].class) {
            return "io.sluice.codegen.udf.ExternalTypes.typedArray(" + v + ", " + sourceName(c) + ".class)";
        }
        if (c.isPrimitive() || c == String.class || c == byte[].class || c == BigDecimal.class) {
            return v;
        }
        if (c == Boolean.class || c == Byte.class || c == Short.class || c == Integer.class || c == Long.class
                || c == Float.class || c == Double.class) {
            return c.getName() + ".valueOf(" + v + ")";
        }
        if (c == LocalDate.class) {
            return "java.time.LocalDate.ofEpochDay(" + v + ")";
        }
        if (c == LocalTime.class) {
            return "java.time.LocalTime.ofNanoOfDay(" + v + " * 1000000L)";
        }
        if (c == LocalDateTime.class) {
            return "io.sluice.runtime.types.TimestampUnits.toLocalDateTime(" + v + ", " + precisionOf(t) + ")";
        }
        if (c == Instant.class) {
            return "io.sluice.runtime.types.TimestampUnits.toInstant(" + v + ", " + precisionOf(t) + ")";
        }
        throw new IllegalArgumentException("no conversion to " + c);
    }

    /**
     * {@code values} (an ARRAY value as generated code holds it) as an array of class {@code arrayClass}, for a
     * function parameter declared {@code Integer[]}, {@code String[]}, ...: the same array when it is of that class.
     */
    @SuppressWarnings("unchecked")
    public static <T> T typedArray(Object[] values, Class<T> arrayClass) {
        if (arrayClass.isInstance(values)) {
            return (T) values;
        }
        return (T) java.util.Arrays.copyOf(values, values.length, (Class<? extends Object[]>) arrayClass);
    }

    /** A timestamp type's precision (3 for anything else: conversions then count milliseconds). */
    private static int precisionOf(LogicalType t) {
        return t != null && (t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP
                || t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ) ? t.precision() : 3;
    }

    /** Java source converting a non-null value {@code v} of class {@code c} into the internal value. */
    public static String toInternal(String v, Class<?> c) {
        return toInternal(v, c, null);
    }

    /**
     * Java source converting a non-null value {@code v} of class {@code c} into the internal value of SQL type
     * {@code t} (null: TIMESTAMP values count milliseconds).
     */
    public static String toInternal(String v, Class<?> c, LogicalType t) {
        if (c.isArray() && c != byte[].class || c == java.util.Map.class || c == io.sluice.types.Row.class) {
            return v;
        }
        if (c.isPrimitive() || c == String.class || c == byte[].class || c == BigDecimal.class) {
            return v;
        }
        if (c == Boolean.class) {
            return v + ".booleanValue()";
        }
        if (c == Byte.class || c == Short.class || c == Integer.class || c == Long.class || c == Float.class
                || c == Double.class) {
            return v + "." + c.getSimpleName().toLowerCase(java.util.Locale.ROOT).replace("integer", "int") + "Value()";
        }
        if (c == LocalDate.class) {
            return "(int) " + v + ".toEpochDay()";
        }
        if (c == LocalTime.class) {
            return "(int) (" + v + ".toNanoOfDay() / 1000000L)";
        }
        if (c == LocalDateTime.class) {
            return "io.sluice.runtime.types.TimestampUnits.fromLocalDateTime(" + v + ", " + precisionOf(t) + ")";
        }
        if (c == Instant.class) {
            return "io.sluice.runtime.types.TimestampUnits.fromInstant(" + v + ", " + precisionOf(t) + ")";
        }
        throw new IllegalArgumentException("no conversion from " + c);
    }
}
