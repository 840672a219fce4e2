package io.sluice.table.api.bridge.internal;

import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the records of a stream converted from a table: a {@link Row} with the row's kind and values, or an instance
 * of a POJO class whose fields are set from the columns of the same names.
 */
final class RecordFactory implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Class<?> pojoClass;
    private final List<String> fieldNames;
    private final boolean atomic;
    private transient List<Field> fields;
    private transient Constructor<?> constructor;

    private RecordFactory(Class<?> pojoClass, List<String> fieldNames, boolean atomic) {
        this.pojoClass = pojoClass;
        this.fieldNames = fieldNames;
        this.atomic = atomic;
    }

    /** Rows with the table's columns. */
    static RecordFactory rows() {
        return new RecordFactory(null, List.of(), false);
    }

    /** The value of the table's only column. */
    static RecordFactory atomic() {
        return new RecordFactory(null, List.of(), true);
    }

    /**
     * Instances of {@code pojoClass} (public, with a public no-argument constructor) whose fields are the table's
     * columns {@code columns} by name; a column without a field, or a field without a column, is an error.
     */
    static RecordFactory pojos(Class<?> pojoClass, List<String> columns) {
        try {
            pojoClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new io.sluice.table.api.ValidationException("Class " + pojoClass.getName() + " needs a public"
                    + " no-argument constructor to be a stream's record type.");
        }
        List<String> names = new ArrayList<>();
        for (Field f : StreamColumns.pojoFields(pojoClass)) {
            names.add(f.getName());
        }
        for (String c : columns) {
            if (!names.contains(c)) {
                throw new io.sluice.table.api.ValidationException("Column '" + c + "' of the table has no field in "
                        + pojoClass.getName() + " (fields: " + String.join(", ", names) + ").");
            }
        }
        for (String n : names) {
            if (!columns.contains(n)) {
                throw new io.sluice.table.api.ValidationException("Field '" + n + "' of " + pojoClass.getName()
                        + " has no column in the table (columns: " + String.join(", ", columns) + ").");
            }
        }
        return new RecordFactory(pojoClass, List.copyOf(columns), false);
    }

    /** A record of kind {@code kind} (ignored by POJOs, which are inserts) with {@code values} by column. */
    Object create(RowKind kind, Object[] values) throws ReflectiveOperationException {
        if (atomic) {
            return values[0];
        }
        if (pojoClass == null) {
            return Row.ofKind(kind, values);
        }
        if (fields == null) {
            constructor = pojoClass.getConstructor();
            fields = new ArrayList<>();
            for (String name : fieldNames) {
                Field f = null;
                for (Field candidate : StreamColumns.pojoFields(pojoClass)) {
                    if (candidate.getName().equals(name)) {
                        f = candidate;
                    }
                }
                f.setAccessible(true);
                fields.add(f);
            }
        }
        Object pojo = constructor.newInstance();
        for (int i = 0; i < values.length; i++) {
            Object value = NestedValues.toStream(values[i], fields.get(i).getGenericType());
            if (value != null || !fields.get(i).getType().isPrimitive()) {
                fields.get(i).set(pojo, value);
            }
        }
        return pojo;
    }
}
