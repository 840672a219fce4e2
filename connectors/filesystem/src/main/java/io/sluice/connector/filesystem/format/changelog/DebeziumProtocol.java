package io.sluice.connector.filesystem.format.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debezium's events: {@code {"before": {...}, "after": {...}, "op": "c|r|u|d", "source": {...}, "ts_ms": ...}},
 * wrapped as {@code {"schema": ..., "payload": {...}}} when Kafka Connect includes the schema. {@code c} (create)
 * and {@code r} (snapshot read) are inserts of {@code after}; {@code u} retracts {@code before} and adds
 * {@code after}; {@code d} deletes {@code before}. Written events are {@code {"before":null,"after":ROW,"op":"c"}}
 * for +I/+U rows and {@code {"before":ROW,"after":null,"op":"d"}} for -U/-D rows.
 */
final class DebeziumProtocol implements ChangelogProtocol {
    private static final byte[] INSERT_HEAD = "{\"before\":null,\"after\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INSERT_TAIL = ",\"op\":\"c\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE_HEAD = "{\"before\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE_TAIL = ",\"after\":null,\"op\":\"d\"}".getBytes(StandardCharsets.UTF_8);
    private static final String REPLICA_IDENTITY = "the \"before\" field of the %s event is null; if the events come"
            + " from Debezium's PostgreSQL connector, set the table's REPLICA IDENTITY to FULL";

    private final boolean schemaInclude;

    /** @param schemaInclude true when every event is wrapped with its schema ({@code debezium-json.schema-include}) */
    DebeziumProtocol(boolean schemaInclude) {
        this.schemaInclude = schemaInclude;
    }

    /** The event's payload: the event itself, or its {@code payload} field when the schema is included. */
    static JsonNode payload(JsonNode event, boolean schemaInclude) {
        if (schemaInclude) {
            JsonNode payload = event.get("payload");
            if (payload == null || !payload.isObject()) {
                throw new MalformedEventException("the event has no \"payload\" object although"
                        + " 'debezium-json.schema-include' is true");
            }
            return payload;
        }
        if (!event.has("op") && event.has("schema") && event.has("payload")) {
            throw new MalformedEventException("the event includes its schema; set 'debezium-json.schema-include'"
                    + " to 'true' to read it");
        }
        return event;
    }

    @Override
    public Map<String, LogicalType> metadata() {
        Map<String, LogicalType> m = new LinkedHashMap<>();
        m.put("schema", LogicalType.string());
        m.put("ingestion-timestamp", LogicalType.timestampLtz(3));
        m.put("source.timestamp", LogicalType.timestampLtz(3));
        m.put("source.database", LogicalType.string());
        m.put("source.schema", LogicalType.string());
        m.put("source.table", LogicalType.string());
        m.put("source.properties", LogicalType.map(LogicalType.string(), LogicalType.string()));
        return m;
    }

    @Override
    public Object metadata(JsonNode event, String key) {
        JsonNode payload = payload(event, schemaInclude);
        JsonNode source = payload.get("source");
        switch (key) {
            case "schema":
                JsonNode schema = event.get("schema");
                return schemaInclude && schema != null && !schema.isNull() ? schema.toString() : null;
            case "ingestion-timestamp":
                return ChangelogProtocol.millis(payload, "ts_ms");
            case "source.timestamp":
                return ChangelogProtocol.millis(source, "ts_ms");
            case "source.database":
                return source == null ? null : ChangelogProtocol.text(source, "db");
            case "source.schema":
                return source == null ? null : ChangelogProtocol.text(source, "schema");
            case "source.properties":
                return ChangelogProtocol.members(payload, "source", false);
            default:
                if (source == null) {
                    return null;
                }
                String table = ChangelogProtocol.text(source, "table");
                return table != null ? table : ChangelogProtocol.text(source, "collection");
        }
    }

    @Override
    public void images(JsonNode event, List<ChangeImage> out) {
        JsonNode payload = payload(event, schemaInclude);
        String op = ChangelogProtocol.text(payload, "op");
        if (op == null) {
            throw new MalformedEventException("the event has no \"op\" field");
        }
        ObjectNode before = ChangelogProtocol.object(payload, "before", "the event");
        ObjectNode after = ChangelogProtocol.object(payload, "after", "the event");
        switch (op) {
            case "c":
            case "r":
                out.add(new ChangeImage(RowKind.INSERT, require(after, "after", op)));
                break;
            case "u":
                if (before == null) {
                    throw new MalformedEventException(String.format(REPLICA_IDENTITY, "UPDATE"));
                }
                out.add(new ChangeImage(RowKind.UPDATE_BEFORE, before));
                out.add(new ChangeImage(RowKind.UPDATE_AFTER, require(after, "after", op)));
                break;
            case "d":
                if (before == null) {
                    throw new MalformedEventException(String.format(REPLICA_IDENTITY, "DELETE"));
                }
                out.add(new ChangeImage(RowKind.DELETE, before));
                break;
            default:
                throw new MalformedEventException("unknown \"op\" value \"" + op + "\"");
        }
    }

    private static ObjectNode require(ObjectNode image, String name, String op) {
        if (image == null) {
            throw new MalformedEventException("the \"" + name + "\" field of an event with op \"" + op + "\" is null");
        }
        return image;
    }

    @Override
    public void writeEvent(RowKind kind, byte[] row, int off, int len, OutputStream out) throws IOException {
        boolean add = kind.isAccumulate();
        out.write(add ? INSERT_HEAD : DELETE_HEAD);
        out.write(row, off, len);
        out.write(add ? INSERT_TAIL : DELETE_TAIL);
    }
}
