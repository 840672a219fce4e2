package io.sluice.connector.filesystem.format.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Where a CDC tool's json change events keep their rows and operation. Immutable. */
public interface ChangelogProtocol {
    /**
     * Appends the rows of {@code event} to {@code out} in order (none for an event that carries no row change, such
     * as a DDL event or one filtered out by the format's options).
     *
     * @throws MalformedEventException when the event lacks its operation or a row image it needs
     */
    void images(JsonNode event, List<ChangeImage> out);

    /**
     * Writes the event of one row: {@code row} is the row's json object ({@code len} bytes at {@code off}), and the
     * event says by its operation whether the row is added ({@code +I}, {@code +U}) or removed ({@code -U}, {@code -D}).
     */
    void writeEvent(RowKind kind, byte[] row, int off, int len, OutputStream out) throws IOException;

    /** The metadata this tool's events carry, by key with its type, in a stable order. */
    java.util.Map<String, io.sluice.runtime.types.LogicalType> metadata();

    /**
     * The value of metadata {@code key} (a key of {@link #metadata()}) in {@code event}, as an external value
     * ({@code String}, {@code java.time.Instant}, a {@code String[]} or a {@code java.util.Map}), or null when the
     * event lacks it.
     */
    Object metadata(JsonNode event, String key);

    /** The epoch milliseconds in field {@code name} of {@code node} as an instant, or null. */
    static java.time.Instant millis(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || !v.canConvertToLong() ? null : java.time.Instant.ofEpochMilli(v.asLong());
    }

    /** The object field {@code name} of {@code node}, or null when it is missing or JSON null. */
    static ObjectNode object(JsonNode node, String name, String what) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new MalformedEventException("the \"" + name + "\" field of " + what + " is not a JSON object");
        }
        return (ObjectNode) v;
    }

    /** The strings of the JSON array in field {@code name} (JSON null elements NULL), or null when it is no array. */
    static String[] strings(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || !v.isArray()) {
            return null;
        }
        String[] out = new String[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalarText(v.get(i));
        }
        return out;
    }

    /**
     * The members of the JSON object in field {@code name} as a map from name to each value's text (nested objects
     * and arrays as JSON text), or to its integer value with {@code integers} (NULL when it is none); null when the
     * field is no object.
     */
    static java.util.Map<String, Object> members(JsonNode node, String name, boolean integers) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || !v.isObject()) {
            return null;
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            out.put(e.getKey(), !integers ? scalarText(value)
                    : value.canConvertToInt() ? (Object) value.asInt() : null);
        }
        return out;
    }

    private static String scalarText(JsonNode value) {
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The text of field {@code name}, or null when it is missing or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** A copy of {@code after} with the fields of {@code old} (the values before an update) put over it. */
    static ObjectNode before(ObjectNode after, ObjectNode old) {
        ObjectNode before = after.deepCopy();
        if (old != null) {
            before.setAll(old);
        }
        return before;
    }
}
