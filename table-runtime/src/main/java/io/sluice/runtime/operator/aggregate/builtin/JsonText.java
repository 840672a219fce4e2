package io.sluice.runtime.operator.aggregate.builtin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON text of SQL values for the JSON aggregates, written as the JSON constructor functions write them:
 * numbers and booleans as JSON literals, strings quoted, decimals in plain notation, and the result of a nested
 * JSON constructor inserted as JSON.
 */
final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonText() {
    }

    /** Whether {@link #of} writes values of {@code type}. */
    static boolean supports(LogicalType type) {
        switch (type.root()) {
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
            switch (type.root()) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
