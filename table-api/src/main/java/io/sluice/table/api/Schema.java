package io.sluice.table.api;

import io.sluice.table.api.internal.ExprRenderer;
import io.sluice.table.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table described in code ({@link TableDescriptor}): physical, computed and metadata columns, a
 * watermark and a primary key, as in {@code CREATE TABLE}.
 * <pre>{@code
 * Schema.newBuilder()
 *     .column("id", DataTypes.INT())
 *     .column("ts", DataTypes.TIMESTAMP(3))
 *     .columnByExpression("id2", $("id").times(2))
 *     .watermark("ts", $("ts").minus(lit(5).seconds()))
 *     .build();
 * }</pre>
 */
public final class Schema {
    private final List<String> columns;
    private final List<String> columnNames;
    private final List<String> physicalColumnNames;
    private final String watermark;
    private final String primaryKey;

    private Schema(List<String> columns, List<String> columnNames, List<String> physicalColumnNames, String watermark,
            String primaryKey) {
        this.columns = List.copyOf(columns);
        this.columnNames = List.copyOf(columnNames);
        this.physicalColumnNames = List.copyOf(physicalColumnNames);
        this.watermark = watermark;
        this.primaryKey = primaryKey;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The names of the declared columns, in order. */
    public List<String> getColumnNames() {
        return columnNames;
    }

    /**
     * The names of the declared physical columns, in order (Sluice's addition; Flink answers it through its unresolved
     * column classes).
     */
    public List<String> getPhysicalColumnNames() {
        return physicalColumnNames;
    }

    /** The schema as the body of {@code CREATE TABLE (...)} (Sluice's addition, used to create tables). */
    public String toDdlColumns() {
        List<String> parts = new ArrayList<>(columns);
        if (watermark != null) {
            parts.add(watermark);
        }
        if (primaryKey != null) {
            parts.add(primaryKey);
        }
        return String.join(",\n  ", parts);
    }

    @Override
    public String toString() {
        return "(\n  " + toDdlColumns() + "\n)";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Builds a {@link Schema}; columns keep the order in which they are added. */
    public static final class Builder {
        private final List<String> columns = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> physical = new ArrayList<>();
        private String watermark;
        private String primaryKey;

        private Builder() {
        }

        /** Adds the columns, watermark and primary key of another schema. */
        public Builder fromSchema(Schema schema) {
            columns.addAll(schema.columns);
            names.addAll(schema.columnNames);
            physical.addAll(schema.physicalColumnNames);
            watermark = schema.watermark;
            primaryKey = schema.primaryKey;
            return this;
        }

        /**
         * Adds the columns of a resolved schema (a table's {@code getResolvedSchema()}) as physical columns with their
         * names and types; a time attribute column becomes a plain TIMESTAMP column (declare its watermark again).
         */
        public Builder fromResolvedSchema(ResolvedSchema resolvedSchema) {
            for (Column c : resolvedSchema.getColumns()) {
                column(c.getName(), c.getDataType());
            }
            return this;
        }

        /** Adds one physical column per field of a ROW (or structured) data type, as in Flink. */
        public Builder fromRowDataType(DataType dataType) {
            io.sluice.runtime.types.LogicalType t = dataType.getLogicalType();
            if (t.root() != io.sluice.runtime.types.TypeRoot.ROW) {
                throw new ValidationException("Data type of ROW or structured type expected, but was: " + dataType);
            }
            return fromFields(t.fieldNames(), t.children().stream().map(DataType::new).toList());
        }

        /** Adds physical columns of the given names and types. */
        public Builder fromFields(String[] fieldNames, DataType[] fieldDataTypes) {
            return fromFields(List.of(fieldNames), List.of(fieldDataTypes));
        }

        /** Adds physical columns of the given names and types. */
        public Builder fromFields(List<String> fieldNames, List<? extends DataType> fieldDataTypes) {
            if (fieldNames.size() != fieldDataTypes.size()) {
                throw new ValidationException("Field names and field data types must have the same length: "
                        + fieldNames.size() + " and " + fieldDataTypes.size());
            }
            for (int i = 0; i < fieldNames.size(); i++) {
                column(fieldNames.get(i), fieldDataTypes.get(i));
            }
            return this;
        }

        private Builder add(String name, String definition) {
            if (names.contains(name)) {
                throw new ValidationException("Column '" + name + "' is declared twice in the schema");
            }
            names.add(name);
            columns.add(quote(name) + " " + definition);
            return this;
        }

        /** A physical column. */
        public Builder column(String columnName, DataType dataType) {
            add(columnName, dataType.toString());
            physical.add(columnName);
            return this;
        }

        /** A physical column with a type in SQL syntax ({@code "DECIMAL(10, 2)"}). */
        public Builder column(String columnName, String serializableTypeString) {
            add(columnName, serializableTypeString);
            physical.add(columnName);
            return this;
        }

        /** A computed column. */
        public Builder columnByExpression(String columnName, Expression expression) {
            return add(columnName, "AS " + ExprRenderer.sqlOf(expression));
        }

        /** A computed column in SQL syntax ({@code "PROCTIME()"}). */
        public Builder columnByExpression(String columnName, String sqlExpression) {
            return add(columnName, "AS " + sqlExpression);
        }

        /** A metadata column whose key is its name. */
        public Builder columnByMetadata(String columnName, DataType dataType) {
            return columnByMetadata(columnName, dataType, null, false);
        }

        public Builder columnByMetadata(String columnName, DataType dataType, boolean isVirtual) {
            return columnByMetadata(columnName, dataType, null, isVirtual);
        }

        public Builder columnByMetadata(String columnName, DataType dataType, String metadataKey) {
            return columnByMetadata(columnName, dataType, metadataKey, false);
        }

        /** A metadata column whose key is its name, with a type in SQL syntax ({@code "TIMESTAMP_LTZ(3)"}). */
        public Builder columnByMetadata(String columnName, String serializableTypeString) {
            return columnByMetadata(columnName, serializableTypeString, null, false);
        }

        /** A metadata column with a type in SQL syntax read from {@code metadataKey}. */
        public Builder columnByMetadata(String columnName, String serializableTypeString, String metadataKey,
                boolean isVirtual) {
            return add(columnName, serializableTypeString + " METADATA" + (metadataKey == null ? ""
                    : " FROM '" + metadataKey.replace("'", "''") + "'") + (isVirtual ? " VIRTUAL" : ""));
        }

        /** A metadata column read from {@code metadataKey}; a virtual one is not written by sinks. */
        public Builder columnByMetadata(String columnName, DataType dataType, String metadataKey, boolean isVirtual) {
            return add(columnName, dataType + " METADATA" + (metadataKey == null ? ""
                    : " FROM '" + metadataKey.replace("'", "''") + "'") + (isVirtual ? " VIRTUAL" : ""));
        }

        /** The watermark of the rowtime column {@code columnName}. */
        public Builder watermark(String columnName, Expression watermarkExpression) {
            return watermark(columnName, ExprRenderer.sqlOf(watermarkExpression));
        }

        /** The watermark in SQL syntax ({@code "ts - INTERVAL '5' SECOND"}). */
        public Builder watermark(String columnName, String sqlExpression) {
            watermark = "WATERMARK FOR " + quote(columnName) + " AS " + sqlExpression;
            return this;
        }

        /** A primary key (not enforced, as in Flink). */
        public Builder primaryKey(String... columnNames) {
            return primaryKey(List.of(columnNames));
        }

        public Builder primaryKey(List<String> columnNames) {
            primaryKey = "PRIMARY KEY (" + quoted(columnNames) + ") NOT ENFORCED";
            return this;
        }

        public Builder primaryKeyNamed(String constraintName, String... columnNames) {
            primaryKey = "CONSTRAINT " + quote(constraintName) + " PRIMARY KEY (" + quoted(List.of(columnNames))
                    + ") NOT ENFORCED";
            return this;
        }

        private static String quoted(List<String> names) {
            List<String> q = new ArrayList<>();
            names.forEach(n -> q.add(quote(n)));
            return String.join(", ", q);
        }

        public Schema build() {
            return new Schema(columns, names, physical, watermark, primaryKey);
        }
    }
}
