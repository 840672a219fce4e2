package io.sluice.table.api.bridge.internal;

import io.sluice.api.common.typeinfo.BasicTypeInfo;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.api.java.typeutils.PojoTypeInfo;
import io.sluice.api.java.typeutils.RowTypeInfo;
import io.sluice.api.java.typeutils.TupleTypeInfo;
import io.sluice.types.Row;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The table columns of a stream's record type, as Flink derives them: an atomic type is one column {@code f0}, a
 * {@code Row} has its fields' names ({@code f0, f1, ...} unless named), a tuple {@code f0, f1, ...}, a POJO its fields
 * in declaration order. Reads a record's field values by column.
 */
final class StreamColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { ATOMIC, ROW, TUPLE, POJO }

    private final Kind kind;
    private final List<String> names;
    private final List<String> sqlTypes;
    private final Class<?> pojoClass;
    private transient List<Field> pojoFields;

    private StreamColumns(Kind kind, List<String> names, List<String> sqlTypes, Class<?> pojoClass) {
        this.kind = kind;
        this.names = names;
        this.sqlTypes = sqlTypes;
        this.pojoClass = pojoClass;
    }

    /**
     * The columns of records of {@code type}.
     *
     * @throws UnsupportedOperationException for a type without known fields (a generic class, a row or tuple whose
     *     field types are unknown)
     */
    static StreamColumns of(TypeInformation<?> type) {
        if (type == null) {
            throw new UnsupportedOperationException("not supported yet: converting a stream of unknown type into a"
                    + " table; declare the stream's type with returns(...), e.g. Types.ROW_NAMED(...)");
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        if (type instanceof BasicTypeInfo || sqlTypeOf(type.getTypeClass()) != null) {
            names.add("f0");
            types.add(requireSqlType(type.getTypeClass(), "f0"));
            return new StreamColumns(Kind.ATOMIC, names, types, null);
        }
        if (type instanceof RowTypeInfo) {
            RowTypeInfo row = (RowTypeInfo) type;
            String[] fieldNames = row.getFieldNames();
            TypeInformation<?>[] fieldTypes = row.getFieldTypes();
            for (int i = 0; i < fieldNames.length; i++) {
                names.add(fieldNames[i]);
                types.add(requireSqlType(fieldTypes[i], fieldNames[i]));
            }
            return new StreamColumns(Kind.ROW, names, types, null);
        }
        if (type instanceof TupleTypeInfo) {
            TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) type;
            for (int i = 0; i < tuple.getArity(); i++) {
                names.add("f" + i);
                types.add(requireSqlType(tuple.getTypeAt(i), "f" + i));
            }
            return new StreamColumns(Kind.TUPLE, names, types, null);
        }
        Class<?> c = type.getTypeClass();
        if (type instanceof PojoTypeInfo || (PojoTypeInfo.isPojo(c) && !Row.class.isAssignableFrom(c)
                && !Tuple.class.isAssignableFrom(c))) {
            for (Field f : pojoFields(c)) {
                names.add(f.getName());
                String t = NestedValues.sqlTypeOf(f.getGenericType());
                if (t == null) {
                    throw new UnsupportedOperationException("not supported yet: a column of Java type "
                            + f.getGenericType().getTypeName() + " (field '" + f.getName() + "'; RAW columns)");
                }
                types.add(t);
            }
            return new StreamColumns(Kind.POJO, names, types, c);
        }
        throw new UnsupportedOperationException("not supported yet: deriving table columns from the stream type "
                + type + " (RAW columns); give the stream a Row, tuple, POJO or basic type, e.g. with"
                + " returns(Types.ROW_NAMED(...))");
    }

    /**
     * The fields of a POJO class as table columns, in declaration order (superclass fields first): every
     * non-static, non-transient field.
     */
    static List<Field> pojoFields(Class<?> c) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            hierarchy.add(0, k);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> k : hierarchy) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!java.lang.reflect.Modifier.isStatic(m) && !java.lang.reflect.Modifier.isTransient(m)
                        && !f.isSynthetic()) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    /** The SQL type of a Java class as a column, or null when the class has no column type. */
    static String sqlTypeOf(Class<?> c) {
        if (c == String.class) {
            return "STRING";
        } else if (c == Integer.class || c == int.class) {
            return "INT";
        } else if (c == Long.class || c == long.class) {
            return "BIGINT";
        } else if (c == Boolean.class || c == boolean.class) {
            return "BOOLEAN";
        } else if (c == Double.class || c == double.class) {
            return "DOUBLE";
        } else if (c == Float.class || c == float.class) {
            return "FLOAT";
        } else if (c == Short.class || c == short.class) {
            return "SMALLINT";
        } else if (c == Byte.class || c == byte.class) {
            return "TINYINT";
        } else if (c == BigDecimal.class) {
            return "DECIMAL(38, 18)";
        } else if (c == Instant.class) {
            return "TIMESTAMP_LTZ(9)";
        } else if (c == LocalDateTime.class) {
            return "TIMESTAMP(9)";
        } else if (c == LocalDate.class) {
            return "DATE";
        } else if (c == LocalTime.class) {
            return "TIME";
        } else if (c == byte[].class) {
            return "BYTES";
        }
        return null;
    }

    private static String requireSqlType(Class<?> c, String column) {
        String t = sqlTypeOf(c);
        if (t == null) {
            throw new UnsupportedOperationException("not supported yet: a column of Java type " + c.getName()
                    + " (field '" + column + "'; RAW columns)");
        }
        return t;
    }

    /** The SQL type of a column of {@code type}, nested types included ({@link NestedValues}). */
    private static String requireSqlType(TypeInformation<?> type, String column) {
        String t = NestedValues.sqlTypeOf(type);
        if (t == null) {
            throw new UnsupportedOperationException("not supported yet: a column of type " + type
                    + " (field '" + column + "'; RAW columns)");
        }
        return t;
    }

    Kind kind() {
        return kind;
    }

    List<String> names() {
        return names;
    }

    List<String> sqlTypes() {
        return sqlTypes;
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The value of column {@code index} of {@code record}, as the table holds it ({@link NestedValues}). */
    Object field(Object record, int index) throws IllegalAccessException {
        switch (kind) {
            case ATOMIC:
                return record;
            case ROW:
                return NestedValues.toTable(((Row) record).getField(index));
            case TUPLE:
                return NestedValues.toTable(((Tuple) record).getField(index));
            default:
                if (pojoFields == null) {
                    pojoFields = pojoFields(pojoClass);
                }
                return NestedValues.toTable(pojoFields.get(index).get(record));
        }
    }
}
