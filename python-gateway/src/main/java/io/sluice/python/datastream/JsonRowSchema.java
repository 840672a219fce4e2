package io.sluice.python.datastream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.types.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as JSON objects, by the names and types of a Python row type information (PyFlink's
 * {@code JsonRowSerializationSchema} and {@code JsonRowDeserializationSchema}): a field is the member of its name;
 * dates and timestamps are ISO-8601 text, decimals numbers, nested rows objects, lists arrays and maps objects.
 * Reading, a missing member is null (or an error with {@code failOnMissingField}); a message that is no JSON object
 * of the type fails the job naming the message, or is skipped with {@code ignoreParseErrors}.
 */
public final class JsonRowSchema implements SerializationSchema<Object>, DeserializationSchema<Object> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The Python type information, as JSON text (see {@link PythonTypes}). */
    private final String type;
    private final boolean failOnMissingField;
    private final boolean ignoreParseErrors;
    private transient JsonNode parsedType;

    public JsonRowSchema(JsonNode type, boolean failOnMissingField, boolean ignoreParseErrors) {
        if (!"ROW".equals(type.path("t").asText())) {
            throw new IllegalArgumentException("The JSON row format needs a row type (Types.ROW_NAMED), not "
                    + type.path("t").asText());
        }
        this.type = type.toString();
        this.failOnMissingField = failOnMissingField;
        this.ignoreParseErrors = ignoreParseErrors;
    }

    private JsonNode type() {
        if (parsedType == null) {
            try {
                parsedType = MAPPER.readTree(type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsedType;
    }

    @Override
    public byte[] serialize(Object element) {
        try {
            return MAPPER.writeValueAsBytes(toJson(element, type()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + element + " as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Object deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(message);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return fromJson(node, type());
        } catch (IOException | RuntimeException e) {
            if (ignoreParseErrors) {
                return null;
            }
            throw new IOException("Failed to deserialize JSON '" + new String(message, StandardCharsets.UTF_8)
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isEndOfStream(Object nextElement) {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Object> getProducedType() {
        return (TypeInformation<Object>) PythonTypes.of(type());
    }

    private static JsonNode toJson(Object v, JsonNode t) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof byte[]) {
            return f.binaryNode((byte[]) v);
        }
        switch (t.path("t").asText()) {
            case "ROW":
            case "TUPLE": {
                ObjectNode o = f.objectNode();
                JsonNode fields = t.get("fields");
                for (int i = 0; i < fields.size(); i++) {
                    Object field = v instanceof Row ? ((Row) v).getField(i) : ((Tuple) v).getField(i);
                    String name = t.has("names") ? t.get("names").get(i).asText() : "f" + i;
                    o.set(name, toJson(field, fields.get(i)));
                }
                return o;
            }
            case "LIST": {
                ArrayNode a = f.arrayNode();
                for (Object e : (Iterable<?>) v) {
                    a.add(toJson(e, t.get("element")));
                }
                return a;
            }
            case "MAP": {
                ObjectNode o = f.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    o.set(String.valueOf(e.getKey()), toJson(e.getValue(), t.get("value")));
                }
                return o;
            }
            default:
                return scalar(v);
        }
    }

    private static JsonNode scalar(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Boolean) {
            return f.booleanNode((Boolean) v);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return f.numberNode(((Number) v).intValue());
        } else if (v instanceof Long) {
            return f.numberNode((Long) v);
        } else if (v instanceof Float) {
            return f.numberNode((Float) v);
        } else if (v instanceof Double) {
            return f.numberNode((Double) v);
        } else if (v instanceof BigDecimal) {
            return f.numberNode((BigDecimal) v);
        } else if (v instanceof byte[]) {
            return f.binaryNode((byte[]) v);
        }
        return f.textNode(v.toString());
    }

    private Object fromJson(JsonNode v, JsonNode t) throws IOException {
        if (v == null || v.isNull()) {
            return null;
        }
        String name = t.path("t").asText();
        switch (name) {
            case "ROW": {
                JsonNode fields = t.get("fields");
                Row row = new Row(fields.size());
                for (int i = 0; i < fields.size(); i++) {
                    String field = t.get("names").get(i).asText();
                    JsonNode member = v.get(field);
                    if (member == null && failOnMissingField) {
                        throw new IOException("the field '" + field + "' is missing");
                    }
                    row.setField(i, fromJson(member, fields.get(i)));
                }
                return row;
            }
            case "LIST": {
                List<Object> out = new ArrayList<>();
                for (JsonNode e : v) {
                    out.add(fromJson(e, t.get("element")));
                }
                return out;
            }
            case "MAP": {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    out.put(e.getKey(), fromJson(e.getValue(), t.get("value")));
                }
                return out;
            }
            case "STRING":
            case "CHAR":
                return v.isTextual() ? v.asText() : v.toString();
            case "BOOLEAN":
                return v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
            case "BYTE":
                return (byte) number(v).intValue();
            case "SHORT":
                return (short) number(v).intValue();
            case "INT":
                return number(v).intValueExact();
            case "LONG":
            case "BIG_INT":
                return number(v).longValueExact();
            case "FLOAT":
                return number(v).floatValue();
            case "DOUBLE":
                return number(v).doubleValue();
            case "BIG_DEC":
                return number(v);
            case "SQL_DATE":
                return LocalDate.parse(v.asText());
            case "SQL_TIME":
                return java.time.LocalTime.parse(v.asText());
            case "SQL_TIMESTAMP":
                return LocalDateTime.parse(v.asText().replace(' ', 'T'));
            default:
                throw new IOException("not supported yet: the type " + name + " in the JSON row format");
        }
    }

    private static BigDecimal number(JsonNode v) throws IOException {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new IOException("'" + v.asText() + "' is not a number");
        }
    }
}
