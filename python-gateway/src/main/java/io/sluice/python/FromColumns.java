package io.sluice.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.DataType;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.List;

/** A table of the rows Python sent column by column ({@code from_pandas}, {@code from_elements}). */
final class FromColumns {
    private FromColumns() {
    }

    static Table table(TableEnvironment env, JsonNode r, List<byte[]> buffers) {
        int n = r.get("n").asInt();
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (JsonNode name : r.get("names")) {
            names.add(name.asText());
        }
        for (JsonNode t : r.get("types")) {
            types.add(io.sluice.codegen.udf.TypeStrings.parseType(t.asText()));
        }
        List<Object[]> columns = new ArrayList<>();
        int b = 0;
        for (LogicalType t : types) {
            int k = ColumnDecoder.bufferCount(t);
            columns.add(ColumnDecoder.decode(t, n, buffers.subList(b, b + k)));
            b += k;
        }
        Object[] rows = new Object[n];
        for (int i = 0; i < n; i++) {
            Row row = new Row(names.size());
            for (int c = 0; c < names.size(); c++) {
                row.setField(c, columns.get(c)[i]);
            }
            rows[i] = row;
        }
        DataTypes.Field[] fields = new DataTypes.Field[names.size()];
        for (int c = 0; c < fields.length; c++) {
            fields[c] = DataTypes.FIELD(names.get(c), new DataType(types.get(c)));
        }
        return env.fromValues(DataTypes.ROW(fields), rows);
    }
}
