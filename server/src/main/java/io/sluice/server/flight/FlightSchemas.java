package io.sluice.server.flight;

import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.ResolvedSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The Arrow schemas Flight SQL clients see for Sluice results and tables. */
final class FlightSchemas {
    /** The row-kind column that starts a streaming query's rows ({@code +I}, {@code -U}, {@code +U}, {@code -D}). */
    static final String ROW_KIND_COLUMN = "op";

    private FlightSchemas() {
    }

    /** The columns' logical types, in order. */
    static List<LogicalType> types(ResolvedSchema schema) {
        List<LogicalType> types = new ArrayList<>();
        for (Column c : schema.getColumns()) {
            types.add(c.getDataType().getLogicalType());
        }
        return types;
    }

    /** The Arrow schema of a result: the engine's own Arrow types, after the {@code op} column when streaming. */
    static Schema of(ResolvedSchema schema, boolean withRowKind) {
        List<Field> fields = new ArrayList<>();
        if (withRowKind) {
            fields.add(new Field(ROW_KIND_COLUMN, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        }
        for (Column c : schema.getColumns()) {
            fields.add(ArrowTypes.toField(c.getName(), c.getDataType().getLogicalType()));
        }
        return new Schema(fields);
    }
}
