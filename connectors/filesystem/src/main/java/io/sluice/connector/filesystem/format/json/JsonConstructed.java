package io.sluice.connector.filesystem.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.runtime.data.ConstructedValues;
import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARRAY, MAP, MULTISET and ROW columns in JSON, as Flink's json format has them: an ARRAY is a JSON array, a MAP
 * an object (keys as text), a MULTISET an object from element to count, a ROW an object of its fields by name
 * (missing fields NULL, unknown fields ignored). Values are the external Java values of
 * {@link ConstructedValues}.
 */
final class JsonConstructed {
    private JsonConstructed() {
    }

    /** The external value of {@code node} read as {@code type}; throws IllegalArgumentException when it does not fit. */
    static Object fromJson(LogicalType type, JsonNode node, boolean isoTimestamps) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        switch (type.root()) {
            case ARRAY: {
                need(node.isArray(), node, type);
                Object[] a = ConstructedValues.newArray(type.elementType(), node.size());
                for (int k = 0; k < a.length; k++) {
                    a[k] = fromJson(type.elementType(), node.get(k), isoTimestamps);
                }
                return a;
            }
            case MAP:
            case MULTISET: {
                need(node.isObject(), node, type);
                LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer();
                Map<Object, Object> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Object key = fromJson(type.keyType(), com.fasterxml.jackson.databind.node.TextNode.valueOf(
                            e.getKey()), isoTimestamps);
                    m.put(key, fromJson(valueType, e.getValue(), isoTimestamps));
                }
                return m;
            }
            case ROW: {
                need(node.isObject(), node, type);
                List<LogicalType> fields = type.children();
                Row row = new Row(fields.size());
                for (int f = 0; f < fields.size(); f++) {
                    row.setField(f, fromJson(fields.get(f), node.get(type.fieldNames().get(f)), isoTimestamps));
                }
                return row;
            }
            default:
                return scalar(type, node, isoTimestamps);
        }
    }

    private static Object scalar(LogicalType type, JsonNode node, boolean isoTimestamps) {
        need(node.isValueNode(), node, type);
        String text = node.asText();
        switch (type.root()) {
            case BOOLEAN:
                need(node.isBoolean() || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"), node, type);
                return node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(text);
            case TINYINT:
                return Byte.parseByte(text.trim());
            case SMALLINT:
                return Short.parseShort(text.trim());
            case INTEGER:
                return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : Integer.parseInt(text.trim());
            case BIGINT:
                return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : Long.parseLong(text.trim());
            case FLOAT:
                return node.isNumber() ? node.floatValue() : Float.parseFloat(text.trim());
            case DOUBLE:
                return node.isNumber() ? node.doubleValue() : Double.parseDouble(text.trim());
            case DECIMAL:
                return node.isNumber() ? node.decimalValue() : new BigDecimal(text.trim());
            case CHAR:
            case VARCHAR:
                return text;
            case BINARY:
            case VARBINARY:
                return Base64.getDecoder().decode(text);
            case DATE:
                return LocalDate.parse(text);
            case TIME:
                return LocalTime.parse(text);
            case TIMESTAMP:
                return LocalDateTime.parse(text.replace(' ', 'T'));
            case TIMESTAMP_LTZ: {
                String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            default:
                throw new IllegalArgumentException("json format for type " + type.typeName());
        }
    }

    private static void need(boolean ok, JsonNode node, LogicalType type) {
        if (!ok) {
            throw new IllegalArgumentException("'" + node + "' is not a " + type.typeName());
        }
    }

    /** Writes a non-null external value of {@code type}. */
    static void write(JsonGenerator g, LogicalType type, Object value, char timestampSeparator) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type.root()) {
            case ARRAY: {
                Object[] a = value instanceof java.util.Collection ? ((java.util.Collection<?>) value).toArray()
                        : (Object[]) value;
                g.writeStartArray();
                for (Object e : a) {
                    write(g, type.elementType(), e, timestampSeparator);
                }
                g.writeEndArray();
                return;
            }
            case MAP:
            case MULTISET: {
                LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer();
                g.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    g.writeFieldName(e.getKey() == null ? "null" : keyText(type.keyType(), e.getKey(),
                            timestampSeparator));
                    write(g, valueType, e.getValue(), timestampSeparator);
                }
                g.writeEndObject();
                return;
            }
            case ROW: {
                Row row = (Row) value;
                g.writeStartObject();
                for (int f = 0; f < type.children().size(); f++) {
                    g.writeFieldName(type.fieldNames().get(f));
                    write(g, type.children().get(f), row.getField(f), timestampSeparator);
                }
                g.writeEndObject();
                return;
            }
            case BOOLEAN:
                g.writeBoolean((Boolean) value);
                return;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
                g.writeNumber(((Number) value).intValue());
                return;
            case BIGINT:
                g.writeNumber(((Number) value).longValue());
                return;
            case FLOAT:
                g.writeNumber(((Number) value).floatValue());
                return;
            case DOUBLE:
                g.writeNumber(((Number) value).doubleValue());
                return;
            case DECIMAL:
                g.writeNumber((BigDecimal) value);
                return;
            case BINARY:
            case VARBINARY:
                g.writeBinary((byte[]) value);
                return;
            default:
                g.writeString(keyText(type, value, timestampSeparator));
        }
    }

    /** A scalar as JSON text (object keys, strings, temporal values). */
    private static String keyText(LogicalType type, Object value, char timestampSeparator) {
        switch (type.root()) {
            case BINARY:
            case VARBINARY:
                return Base64.getEncoder().encodeToString((byte[]) value);
            case TIME:
                return ValueFormatter.formatTime((LocalTime) value, Math.min(type.precision(), 3));
            case TIMESTAMP:
                return ValueFormatter.formatTimestamp((LocalDateTime) value, type.precision())
                        .replace(' ', timestampSeparator);
            case TIMESTAMP_LTZ:
                return ValueFormatter.formatTimestamp(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
                        type.precision()).replace(' ', timestampSeparator) + "Z";
            case INTERVAL_YEAR_MONTH:
                return ValueFormatter.formatYearMonth((Period) value);
            case INTERVAL_DAY_TIME:
                return ValueFormatter.formatDayTime((Duration) value);
            default:
                return value.toString();
        }
    }
}
