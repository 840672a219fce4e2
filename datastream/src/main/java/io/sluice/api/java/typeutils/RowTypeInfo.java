package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.types.Row;
import java.util.Arrays;

/** A {@link Row} with the given field types and names ({@code f0, f1, ...} unless named). */
public class RowTypeInfo extends DynamicTypeInfo<Row> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    public RowTypeInfo(TypeInformation<?>... types) {
        this(types, defaultNames(types.length));
    }

    public RowTypeInfo(TypeInformation<?>[] types, String[] fieldNames) {
        if (types.length != fieldNames.length) {
            throw new IllegalArgumentException("Number of field types and names is different.");
        }
        this.types = types.clone();
        this.fieldNames = fieldNames.clone();
    }

    private static String[] defaultNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "f" + i;
        }
        return names;
    }

    @Override
    public Class<Row> getTypeClass() {
        return Row.class;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    public TypeInformation<?>[] getFieldTypes() {
        return types.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowTypeInfo && Arrays.equals(((RowTypeInfo) o).types, types)
                && Arrays.equals(((RowTypeInfo) o).fieldNames, fieldNames);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row(");
        for (int i = 0; i < types.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fieldNames[i]).append(": ").append(types[i]);
        }
        return b.append(')').toString();
    }
}
