package io.sluice.runtime.operator.aggregate.builtin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * JSON text of SQL values for the JSON aggregates, written as the JSON constructor functions write them:
 * numbers and booleans as JSON literals, strings quoted, decimals in plain notation, BYTES as a base64 string, a
 * TIMESTAMP as its ISO-8601 text and a TIMESTAMP_LTZ as the UTC text with {@code Z}; an ARRAY as a JSON array, a MAP
 * (string keys) as an object, a MULTISET as an object from element to count and a ROW as an object of its fields by
 * name, nested to any depth, NULLs inside as {@code null}; and the result of a nested JSON constructor inserted as
 * JSON.
 */
final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonText() {
    }

    /** Whether {@link #of} writes values of {@code type}. */
    static boolean supports(LogicalType type) {
        switch (type.root()) {
            case ARRAY:
                return supports(type.elementType());
            case MAP:
                return type.keyType().root().isCharacterString() && supports(type.valueType());
            case MULTISET:
                return type.keyType().root().isCharacterString();
            case ROW:
                return type.children().stream().allMatch(JsonText::supports);
            case BINARY:
            case VARBINARY:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
            case NULL:
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
                return true;
            default:
                return false;
        }
    }

    /** The JSON text of {@code value} (not null) of {@code type}; {@code raw}: a string that is JSON already. */
    static String of(LogicalType type, Object value, boolean raw) {
        if (raw) {
            return value.toString();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes a value (null for NULL) of {@code type}. */
    private static void write(JsonGenerator g, LogicalType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type.root()) {
            case ARRAY:
                g.writeStartArray();
                for (Object element : (Object[]) value) {
                    write(g, type.elementType(), element);
                }
                g.writeEndArray();
                break;
            case MAP:
            case MULTISET: {
                LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer();
                g.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (e.getKey() == null) {
                        throw new TableException("a MAP key is NULL; keys must be non-NULL strings to convert to"
                                + " JSON");
                    }
                    g.writeFieldName(e.getKey().toString());
                    write(g, valueType, e.getValue());
                }
                g.writeEndObject();
                break;
            }
            case ROW: {
                Row row = (Row) value;
                g.writeStartObject();
                for (int f = 0; f < type.children().size(); f++) {
                    g.writeFieldName(type.fieldNames().get(f));
                    write(g, type.children().get(f), row.getField(f));
                }
                g.writeEndObject();
                break;
            }
            case BINARY:
            case VARBINARY:
                g.writeBinary((byte[]) value);
                break;
            case TIMESTAMP:
                g.writeString(((LocalDateTime) value).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
                break;
            case TIMESTAMP_LTZ:
                g.writeString(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
                break;
            case BOOLEAN:
                g.writeBoolean((Boolean) value);
                break;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                g.writeNumber(((Number) value).longValue());
                break;
            case FLOAT:
                g.writeNumber((Float) value);
                break;
            case DOUBLE:
                g.writeNumber((Double) value);
                break;
            case DECIMAL:
                g.writeNumber((BigDecimal) value);
                break;
            case CHAR:
            case VARCHAR:
                g.writeString(value.toString());
                break;
            default:
                throw new UnsupportedFeatureException("a JSON value of type " + type);
        }
    }

    /** A JSON array of the given JSON texts. */
    static String array(Iterable<String> items) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (String item : items) {
                g.writeRawValue(item);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A JSON object of the given keys and JSON texts, in the map's order. */
    static String object(Map<String, String> entries) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : entries.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeRawValue(e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
