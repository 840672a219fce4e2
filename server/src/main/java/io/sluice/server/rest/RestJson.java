package io.sluice.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * Result pages in the JSON shapes of Flink's SQL Gateway: columns with their logical types, and rows with their
 * kind ({@code INSERT}, {@code UPDATE_BEFORE}, ...) and fields, as JSON values (rowFormat JSON) or as the text the
 * shell prints (rowFormat PLAIN_TEXT).
 */
final class RestJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RestJson() {
    }

    static ObjectNode columns(ObjectNode results, List<Column> columns) {
        ArrayNode cols = results.putArray("columns");
        for (Column c : columns) {
            ObjectNode col = cols.addObject();
            col.put("name", c.getName());
            col.set("logicalType", logicalType(c.getDataType().getLogicalType()));
            col.putNull("comment");
        }
        return results;
    }

    static ObjectNode logicalType(LogicalType t) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", typeName(t));
        node.put("nullable", t.isNullable());
        switch (t.root()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> node.put("length", t.precision());
            case DECIMAL -> {
                node.put("precision", t.precision());
                node.put("scale", t.scale());
            }
            case TIME, TIMESTAMP, TIMESTAMP_LTZ -> node.put("precision", t.precision());
            default -> {
            }
        }
        return node;
    }

    private static String typeName(LogicalType t) {
        return switch (t.root()) {
            case TIME -> "TIME_WITHOUT_TIME_ZONE";
            case TIMESTAMP -> "TIMESTAMP_WITHOUT_TIME_ZONE";
            case TIMESTAMP_LTZ -> "TIMESTAMP_WITH_LOCAL_TIME_ZONE";
            default -> t.root().name();
        };
    }

    static void rows(ObjectNode results, List<Column> columns, List<Row> rows, boolean plainText, ZoneId zone) {
        ValueFormatter formatter = new ValueFormatter(zone);
        ArrayNode data = results.putArray("data");
        for (Row row : rows) {
            ObjectNode r = data.addObject();
            r.put("kind", row.getKind().name());
            ArrayNode fields = r.putArray("fields");
            for (int i = 0; i < row.getArity(); i++) {
                Object v = row.getField(i);
                LogicalType type = columns.get(i).getDataType().getLogicalType();
                if (v == null) {
                    fields.addNull();
                } else if (plainText) {
                    fields.add(formatter.format(type, v));
                } else if (v instanceof Boolean) {
                    fields.add((Boolean) v);
                } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    fields.add(((Number) v).longValue());
                } else if (v instanceof Double || v instanceof Float) {
                    fields.add(((Number) v).doubleValue());
                } else if (v instanceof BigDecimal) {
                    fields.add((BigDecimal) v);
                } else if (v instanceof String) {
                    fields.add((String) v);
                } else {
                    fields.add(formatter.format(type, v));
                }
            }
        }
    }
}
