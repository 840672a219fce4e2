package io.sluice.codegen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

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

    /** The parsed form of JSON text made by a nested JSON constructor, so it nests as JSON, not as a string. */
    public static JsonNode raw(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + json, e);
        }
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
