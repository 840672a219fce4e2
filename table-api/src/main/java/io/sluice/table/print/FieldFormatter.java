package io.sluice.table.print;

import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.DataType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.time.ZoneId;
import java.util.List;

/** Turns the fields of result rows into display strings with {@link ValueFormatter}; {@code null} stays null. */
final class FieldFormatter {
    private final LogicalType[] types;
    private final ValueFormatter formatter;

    FieldFormatter(ResolvedSchema schema, ZoneId localTimeZone) {
        List<DataType> dataTypes = schema.getColumnDataTypes();
        this.types = new LogicalType[dataTypes.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = dataTypes.get(i).getLogicalType();
        }
        this.formatter = new ValueFormatter(localTimeZone);
    }

    int columnCount() {
        return types.length;
    }

    LogicalType type(int column) {
        return types[column];
    }

    /** The field as text, or {@code null} when the field is NULL. */
    String format(Row row, int column) {
        Object value = row.getField(column);
        return value == null ? null : formatter.format(types[column], value);
    }

    /** Fails clearly when a row does not match the schema it is printed with. */
    void checkArity(Row row) {
        if (row.getArity() != types.length) {
            throw new IllegalArgumentException("Row " + row + " has " + row.getArity()
                    + " fields but the result schema has " + types.length + " columns");
        }
    }
}
