package io.sluice.table.api;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.util.List;

/** Factory of {@link DataType}s with Flink's names: {@code DataTypes.INT()}, {@code DataTypes.ROW(FIELD(..))}, ... */
public final class DataTypes {
    private DataTypes() {
    }

    public static DataType BOOLEAN() { return of(TypeRoot.BOOLEAN); }
    public static DataType TINYINT() { return of(TypeRoot.TINYINT); }
    public static DataType SMALLINT() { return of(TypeRoot.SMALLINT); }
    public static DataType INT() { return of(TypeRoot.INTEGER); }
    public static DataType BIGINT() { return of(TypeRoot.BIGINT); }
    public static DataType FLOAT() { return of(TypeRoot.FLOAT); }
    public static DataType DOUBLE() { return of(TypeRoot.DOUBLE); }
    public static DataType DECIMAL(int precision, int scale) { return new DataType(LogicalType.decimal(precision, scale)); }
    public static DataType CHAR(int n) { return new DataType(LogicalType.of(TypeRoot.CHAR, n)); }
    public static DataType VARCHAR(int n) { return new DataType(LogicalType.varchar(n)); }
    public static DataType STRING() { return new DataType(LogicalType.string()); }
    public static DataType BINARY(int n) { return new DataType(LogicalType.of(TypeRoot.BINARY, n)); }
    public static DataType VARBINARY(int n) { return new DataType(LogicalType.of(TypeRoot.VARBINARY, n)); }
    public static DataType BYTES() { return new DataType(LogicalType.bytes()); }
    public static DataType DATE() { return of(TypeRoot.DATE); }
    public static DataType TIME() { return new DataType(LogicalType.of(TypeRoot.TIME, 0)); }
    public static DataType TIME(int p) { return new DataType(LogicalType.of(TypeRoot.TIME, p)); }
    public static DataType TIMESTAMP() { return new DataType(LogicalType.timestamp(6)); }
    public static DataType TIMESTAMP(int p) { return new DataType(LogicalType.timestamp(p)); }
    public static DataType TIMESTAMP_LTZ() { return new DataType(LogicalType.timestampLtz(6)); }
    public static DataType TIMESTAMP_LTZ(int p) { return new DataType(LogicalType.timestampLtz(p)); }

    private static DataType of(TypeRoot root) {
        return new DataType(LogicalType.of(root));
    }

    /**
     * A structured type: the fields of {@code implementationClass} (a POJO, matched by name) with the given types,
     * as Flink's {@code DataTypes.STRUCTURED}. Its logical type is a {@code ROW} of the fields; values convert to
     * instances of the class (for example {@code StreamTableEnvironment.toDataStream(table, structuredType)}).
     */
    public static <T> DataType STRUCTURED(Class<T> implementationClass, Field... fields) {
        if (implementationClass == null) {
            throw new ValidationException("A structured type needs its implementation class.");
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<LogicalType> types = new java.util.ArrayList<>();
        for (Field f : fields) {
            if (names.contains(f.getName())) {
                throw new ValidationException("The structured type of " + implementationClass.getName()
                        + " has the field '" + f.getName() + "' twice.");
            }
            names.add(f.getName());
            types.add(f.getDataType().getLogicalType());
        }
        return new DataType(LogicalType.row(names, types), implementationClass);
    }

    /** A named field of a {@link #ROW} type. */
    public static Field FIELD(String name, DataType type) {
        return new Field(name, type);
    }

    /** An array of elements of {@code elementDataType}. */
    public static DataType ARRAY(DataType elementDataType) {
        return new DataType(LogicalType.array(elementDataType.getLogicalType()));
    }

    /** A multiset (bag) of elements of {@code elementDataType}. */
    public static DataType MULTISET(DataType elementDataType) {
        return new DataType(LogicalType.multiset(elementDataType.getLogicalType()));
    }

    /** A map from {@code keyDataType} to {@code valueDataType}. */
    public static DataType MAP(DataType keyDataType, DataType valueDataType) {
        return new DataType(LogicalType.map(keyDataType.getLogicalType(), valueDataType.getLogicalType()));
    }

    /** A row without fields. */
    public static RowDataType ROW() {
        return new RowDataType(List.of());
    }

    /** A row of unnamed fields, named {@code f0}, {@code f1}, ... as in Flink. */
    public static RowDataType ROW(DataType... fieldDataTypes) {
        List<Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < fieldDataTypes.length; i++) {
            fields.add(FIELD("f" + i, fieldDataTypes[i]));
        }
        return new RowDataType(fields);
    }

    /** A row type; used as the schema argument of {@code TableEnvironment.fromValues}. */
    public static RowDataType ROW(Field... fields) {
        return new RowDataType(List.of(fields));
    }

    /**
     * {@code type} as the row type of {@code fromValues}: itself when it is a {@link #ROW}, the fields of another ROW
     * (or structured) type, or one column {@code f0} of any other type, as in Flink.
     */
    static RowDataType asRowType(DataType type) {
        if (type instanceof RowDataType) {
            return (RowDataType) type;
        }
        LogicalType t = type.getLogicalType();
        List<Field> fields = new java.util.ArrayList<>();
        if (t.root() == TypeRoot.ROW) {
            for (int i = 0; i < t.fieldNames().size(); i++) {
                fields.add(FIELD(t.fieldNames().get(i), new DataType(t.children().get(i))));
            }
        } else {
            fields.add(FIELD("f0", type));
        }
        return new RowDataType(fields);
    }

    /** A named field. */
    public static final class Field {
        private final String name;
        private final DataType type;

        Field(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        public String getName() {
            return name;
        }

        public DataType getDataType() {
            return type;
        }
    }

    /** The fields of a ROW type. */
    public static final class RowDataType extends DataType {
        private final List<Field> fields;

        RowDataType(List<Field> fields) {
            super(rowType(fields));
            this.fields = fields;
        }

        private static LogicalType rowType(List<Field> fields) {
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.List<LogicalType> types = new java.util.ArrayList<>();
            for (Field f : fields) {
                if (names.contains(f.getName())) {
                    throw new ValidationException("Field names must be unique. Found duplicates: [" + f.getName()
                            + "]");
                }
                names.add(f.getName());
                types.add(f.getDataType().getLogicalType());
            }
            return LogicalType.row(names, types);
        }

        public List<Field> getFields() {
            return fields;
        }
    }
}
