package io.sluice.codegen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Runtime of the JSON construction functions (JSON_OBJECT, JSON_ARRAY, JSON_STRING) and of JSON_QUOTE /
 * JSON_UNQUOTE: SQL values become Jackson nodes, which are written as compact JSON text.
 */
public final class JsonRuntime {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonRuntime() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The key of a JSON_OBJECT entry; keys may not be NULL. */
    public static String key(String key) {
        if (key == null) {
            throw new IllegalArgumentException("JSON_OBJECT: a key is NULL; keys must be non-NULL strings");
        }
        return key;
    }

    public static JsonNode nullNode() {
        return NODES.nullNode();
    }

    public static JsonNode node(boolean v) {
        return NODES.booleanNode(v);
    }

    public static JsonNode node(long v) {
        return NODES.numberNode(v);
    }

    public static JsonNode node(float v) {
        return NODES.numberNode(v);
    }

    public static JsonNode node(double v) {
        return NODES.numberNode(v);
    }

    public static JsonNode node(BigDecimal v) {
        return NODES.numberNode(v);
    }

    public static JsonNode node(String v) {
        return NODES.textNode(v);
    }

    /**
     * Fails unless values of {@code type} convert to JSON (as Flink: numbers, BOOLEAN, strings, BYTES, TIMESTAMP and
     * TIMESTAMP_LTZ, and ARRAY, MAP, MULTISET and ROW of those, MAP keys and MULTISET elements being strings).
     */
    public static void checkJsonType(LogicalType type) {
        switch (type.root()) {
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case DECIMAL:
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case NULL:
                return;
            case ARRAY:
                checkJsonType(type.elementType());
                return;
            case MAP:
            case MULTISET: {
                LogicalType key = type.keyType();
                if (!key.root().isCharacterString()) {
                    throw new io.sluice.table.api.ValidationException("Type '" + key.typeName() + "' is not"
                            + " supported for JSON conversion. The key type must be a character string.");
                }
                if (type.root() == TypeRoot.MAP) {
                    checkJsonType(type.valueType());
                }
                return;
            }
            case ROW:
                type.children().forEach(JsonRuntime::checkJsonType);
                return;
            default:
                throw new io.sluice.table.api.ValidationException("Type '" + type.typeName()
                        + "' is not scalar or cannot be converted into JSON.");
        }
    }

    /**
     * The JSON node of an external value of {@code type} (see {@link #checkJsonType}): an ARRAY becomes a JSON array,
     * a MAP an object (NULL keys fail), a MULTISET an object from element to count, a ROW an object of its fields by
     * name, BYTES a base64 string, a TIMESTAMP its ISO-8601 text ({@code 2024-01-01T10:00:00}), a TIMESTAMP_LTZ the
     * UTC text with {@code Z}. NULL values inside become JSON {@code null}.
     */
    public static JsonNode valueNode(Object value, LogicalType type) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (type.root()) {
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return NODES.numberNode(((Number) value).longValue());
            case FLOAT:
                return NODES.numberNode(((Number) value).floatValue());
            case DOUBLE:
                return NODES.numberNode(((Number) value).doubleValue());
            case DECIMAL:
                return NODES.numberNode((BigDecimal) value);
            case BINARY:
            case VARBINARY:
                return NODES.binaryNode((byte[]) value);
            case TIMESTAMP:
                return NODES.textNode(((LocalDateTime) value).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            case TIMESTAMP_LTZ:
                return NODES.textNode(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Object[]) value) {
                    array.add(valueNode(element, type.elementType()));
                }
                return array;
            }
            case MAP:
            case MULTISET: {
                ObjectNode object = NODES.objectNode();
                LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (e.getKey() == null) {
                        throw new IllegalArgumentException("a MAP key is NULL; keys must be non-NULL strings to"
                                + " convert to JSON");
                    }
                    object.set(e.getKey().toString(), valueNode(e.getValue(), valueType));
                }
                return object;
            }
            case ROW: {
                ObjectNode object = NODES.objectNode();
                Row row = (Row) value;
                for (int i = 0; i < type.children().size(); i++) {
                    object.set(type.fieldNames().get(i), valueNode(row.getField(i), type.children().get(i)));
                }
                return object;
            }
            default:
                return NODES.textNode(value.toString());
        }
    }

    /** The parsed form of JSON text made by a nested JSON constructor, so it nests as JSON, not as a string. */
    public static JsonNode raw(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + json, e);
        }
    }

    /**
     * The JSON text of Flink's {@code JSON(text)} as a node: null for empty text (which JSON_OBJECT and JSON_ARRAY
     * then treat as NULL); fails for text that is not one JSON value.
     */
    public static JsonNode rawOrNull(String json) {
        if (json.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Invalid JSON string in JSON(value) function: " + json, e);
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return node;
    }

    /** Compact JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON_QUOTE: s as a JSON string literal, escaping quote, backslash, slash, the short escapes and other
     * control characters (as {@code \}{@code uXXXX}).
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '/':
                    b.append("\\/");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /**
     * JSON_UNQUOTE: the content of a JSON string literal with its escapes resolved; any other input (not
     * enclosed in double quotes, or not a valid JSON string) is returned unchanged.
     */
    public static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        try {
            JsonNode n = MAPPER.readTree(s);
            return n != null && n.isTextual() ? n.textValue() : s;
        } catch (JsonProcessingException e) {
            return s;
        }
    }
}
