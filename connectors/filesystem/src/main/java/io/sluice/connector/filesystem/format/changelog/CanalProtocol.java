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
import java.util.regex.Pattern;

/**
 * Canal's flat events: {@code {"data": [{...}, ...], "old": [{...}, ...], "type": "INSERT|UPDATE|DELETE",
 * "database": ..., "table": ..., "isDdl": false, ...}}. Every element of {@code data} is a row; an UPDATE's
 * {@code old} holds, per row, the previous values of the fields that changed. DDL events ({@code "isDdl": true} or
 * type {@code CREATE}) and events of other databases or tables than {@code canal-json.database.include} and
 * {@code canal-json.table.include} (regular expressions) carry no rows. Written events are
 * {@code {"data":[ROW],"type":"INSERT"}} for +I/+U rows and {@code {"data":[ROW],"type":"DELETE"}} for -U/-D rows.
 */
final class CanalProtocol implements ChangelogProtocol {
    private static final byte[] HEAD = "{\"data\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INSERT_TAIL = "],\"type\":\"INSERT\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DELETE_TAIL = "],\"type\":\"DELETE\"}".getBytes(StandardCharsets.UTF_8);

    private final Pattern database;
    private final Pattern table;

    /** @param database the databases to read (null: all); @param table the tables to read (null: all) */
    CanalProtocol(Pattern database, Pattern table) {
        this.database = database;
        this.table = table;
    }

    @Override
    public Map<String, LogicalType> metadata() {
        Map<String, LogicalType> m = new LinkedHashMap<>();
        m.put("database", LogicalType.string());
        m.put("table", LogicalType.string());
        m.put("ingestion-timestamp", LogicalType.timestampLtz(3));
        m.put("event-timestamp", LogicalType.timestampLtz(3));
        m.put("sql-type", LogicalType.map(LogicalType.string(), LogicalType.integer()));
        m.put("pk-names", LogicalType.array(LogicalType.string()));
        return m;
    }

    @Override
    public Object metadata(JsonNode event, String key) {
        switch (key) {
            case "database":
            case "table":
                return ChangelogProtocol.text(event, key);
            case "ingestion-timestamp":
                return ChangelogProtocol.millis(event, "ts");
            case "sql-type":
                return ChangelogProtocol.members(event, "sqlType", true);
            case "pk-names":
                return ChangelogProtocol.strings(event, "pkNames");
            default:
                return ChangelogProtocol.millis(event, "es");
        }
    }

    @Override
    public void images(JsonNode event, List<ChangeImage> out) {
        if (!matches(database, event, "database") || !matches(table, event, "table")) {
            return;
        }
        JsonNode ddl = event.get("isDdl");
        if (ddl != null && ddl.asBoolean(false)) {
            return;
        }
        String type = ChangelogProtocol.text(event, "type");
        if (type == null) {
            throw new MalformedEventException("the event has no \"type\" field");
        }
        if (type.equals("CREATE")) {
            return;
        }
        JsonNode data = event.get("data");
        if (!type.equals("INSERT") && !type.equals("UPDATE") && !type.equals("DELETE")) {
            throw new MalformedEventException("unknown \"type\" value \"" + type + "\"");
        }
        if (data == null || data.isNull()) {
            return;
        }
        if (!data.isArray()) {
            throw new MalformedEventException("the \"data\" field is not an array");
        }
        JsonNode old = event.get("old");
        for (int i = 0; i < data.size(); i++) {
            ObjectNode row = element(data, i, "data");
            switch (type) {
                case "INSERT":
                    out.add(new ChangeImage(RowKind.INSERT, row));
                    break;
                case "DELETE":
                    out.add(new ChangeImage(RowKind.DELETE, row));
                    break;
                default:
                    if (old == null || !old.isArray() || old.size() <= i) {
                        throw new MalformedEventException("the UPDATE event has no \"old\" values for row " + i);
                    }
                    out.add(new ChangeImage(RowKind.UPDATE_BEFORE, ChangelogProtocol.before(row, element(old, i, "old"))));
                    out.add(new ChangeImage(RowKind.UPDATE_AFTER, row));
            }
        }
    }

    private static ObjectNode element(JsonNode array, int i, String name) {
        JsonNode e = array.get(i);
        if (e == null || !e.isObject()) {
            throw new MalformedEventException("element " + i + " of \"" + name + "\" is not a JSON object");
        }
        return (ObjectNode) e;
    }

    private static boolean matches(Pattern pattern, JsonNode event, String field) {
        if (pattern == null) {
            return true;
        }
        String value = ChangelogProtocol.text(event, field);
        return value != null && pattern.matcher(value).matches();
    }

    @Override
    public void writeEvent(RowKind kind, byte[] row, int off, int len, OutputStream out) throws IOException {
        out.write(HEAD);
        out.write(row, off, len);
        out.write(kind.isAccumulate() ? INSERT_TAIL : DELETE_TAIL);
    }
}
