package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.common.serialization.SimpleStringSchema;
import java.nio.charset.Charset;

/**
 * The engine's serialization schemas of the Python ones, described as JSON: {@code {"kind": "string", "charset":
 * ...}} ({@code SimpleStringSchema}) and {@code {"kind": "json_row", "type": ..., "fail_on_missing_field": ...,
 * "ignore_parse_errors": ...}} ({@link JsonRowSchema}).
 */
final class PythonSchemas {
    private PythonSchemas() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SerializationSchema<Object> serialization(JsonNode spec) {
        Object s = schema(spec);
        return (SerializationSchema) s;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static DeserializationSchema<Object> deserialization(JsonNode spec) {
        Object s = schema(spec);
        return (DeserializationSchema) s;
    }

    private static Object schema(JsonNode spec) {
        String kind = spec.path("kind").asText();
        switch (kind) {
            case "string":
                return new SimpleStringSchema(Charset.forName(spec.path("charset").asText("UTF-8")));
            case "json_row":
                return new JsonRowSchema(spec.get("type"), spec.path("fail_on_missing_field").asBoolean(false),
                        spec.path("ignore_parse_errors").asBoolean(false));
            default:
                throw new IllegalArgumentException("not supported yet: the serialization schema '" + kind
                        + "' in the Python DataStream API");
        }
    }
}
