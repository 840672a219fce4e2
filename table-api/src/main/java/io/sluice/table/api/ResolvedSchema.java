package io.sluice.table.api;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns of a table or of a query result. */
public final class ResolvedSchema {
    private final List<Column> columns;

    public ResolvedSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static ResolvedSchema of(Column... columns) {
        return new ResolvedSchema(List.of(columns));
    }

    public static ResolvedSchema fromRowType(RowType rowType) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < rowType.size(); i++) {
            cols.add(Column.physical(rowType.name(i), new DataType(rowType.type(i))));
        }
        return new ResolvedSchema(cols);
    }

    public int getColumnCount() {
        return columns.size();
    }

    public List<Column> getColumns() {
        return columns;
    }

    public Optional<Column> getColumn(String name) {
        return columns.stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public List<String> getColumnNames() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.getName()));
        return names;
    }

    public List<DataType> getColumnDataTypes() {
        List<DataType> types = new ArrayList<>();
        columns.forEach(c -> types.add(c.getDataType()));
        return types;
    }

    /** The schema as a runtime row type. */
    public RowType toRowType() {
        List<LogicalType> types = new ArrayList<>();
        columns.forEach(c -> types.add(c.getDataType().getLogicalType()));
        return new RowType(getColumnNames(), types);
    }

    /** Flink's form: one column per line inside parentheses. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(\n");
        for (int i = 0; i < columns.size(); i++) {
            sb.append("  ").append(columns.get(i)).append(i < columns.size() - 1 ? ",\n" : "\n");
        }
        return sb.append(')').toString();
    }
}
