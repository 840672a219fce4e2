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
 * Maxwell's events: {@code {"database": ..., "table": ..., "type": "insert|update|delete", "ts": ...,
 * "data": {...}, "old": {...}}}; an update's {@code old} holds the previous values of the fields that changed.
 * Written events are {@code {"data":ROW,"type":"insert"}} for +I/+U rows and {@code {"data":ROW,"type":"delete"}}
 * for -U/-D rows.
 */
final class MaxwellProtocol implements ChangelogProtocol {
    private static final byte[] HEAD = "{\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INSERT_TAIL = ",\"type\":\"insert\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE_TAIL = ",\"type\":\"delete\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public Map<String, LogicalType> metadata() {
        Map<String, LogicalType> m = new LinkedHashMap<>();
        m.put("database", LogicalType.string());
        m.put("table", LogicalType.string());
        m.put("ingestion-timestamp", LogicalType.timestampLtz(3));
        m.put("primary-key-columns", LogicalType.array(LogicalType.string()));
        return m;
    }

    /** Maxwell's {@code ts} counts seconds. */
    @Override
    public Object metadata(JsonNode event, String key) {
        if (key.equals("primary-key-columns")) {
            return ChangelogProtocol.strings(event, "primary_key_columns");
        }
        if (!key.equals("ingestion-timestamp")) {
            return ChangelogProtocol.text(event, key);
        }
        JsonNode ts = event.get("ts");
        return ts == null || !ts.canConvertToLong() ? null : java.time.Instant.ofEpochSecond(ts.asLong());
    }

    @Override
    public void images(JsonNode event, List<ChangeImage> out) {
        String type = ChangelogProtocol.text(event, "type");
        if (type == null) {
            throw new MalformedEventException("the event has no \"type\" field");
        }
        ObjectNode data = ChangelogProtocol.object(event, "data", "the event");
        switch (type) {
            case "insert":
                out.add(new ChangeImage(RowKind.INSERT, require(data, type)));
                break;
            case "update":
                ObjectNode after = require(data, type);
                out.add(new ChangeImage(RowKind.UPDATE_BEFORE,
                        ChangelogProtocol.before(after, ChangelogProtocol.object(event, "old", "the event"))));
                out.add(new ChangeImage(RowKind.UPDATE_AFTER, after));
                break;
            case "delete":
                out.add(new ChangeImage(RowKind.DELETE, require(data, type)));
                break;
            default:
                throw new MalformedEventException("unknown \"type\" value \"" + type + "\"");
        }
    }

    private static ObjectNode require(ObjectNode data, String type) {
        if (data == null) {
            throw new MalformedEventException("the \"data\" field of a \"" + type + "\" event is null");
        }
        return data;
    }

    @Override
    public void writeEvent(RowKind kind, byte[] row, int off, int len, OutputStream out) throws IOException {
        out.write(HEAD);
        out.write(row, off, len);
        out.write(kind.isAccumulate() ? INSERT_TAIL : DELETE_TAIL);
    }
}
