package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.common.serialization.SimpleStringSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.types.Row;
import java.nio.charset.Charset;

/**
 * The engine's serialization schemas of the Python ones, described as JSON: {@code {"kind": "string", "charset":
 * ...}} ({@code SimpleStringSchema}), {@code {"kind": "bytes"}} ({@code ByteArraySchema}: messages as they are),
 * {@code {"kind": "row_field", "index": i}} ({@code RowFieldExtractorSchema}: the byte array field i of a row) and
 * {@code {"kind": "json_row", "type": ..., "fail_on_missing_field": ..., "ignore_parse_errors": ...}}
 * ({@link JsonRowSchema}), {@code {"kind": "csv_row", "type": ..., ...}} ({@link CsvRowSchema}) and {@code {"kind":
 * "avro_row", "schema": ..., "type": ...}} ({@link AvroRowSchema}).
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
            case "bytes":
                return new Bytes();
            case "row_field":
                return new RowField(spec.get("index").asInt());
            case "avro_row":
                return new AvroRowSchema(spec.get("schema").asText(), spec.get("type"));
            case "csv_row":
                return new CsvRowSchema(spec);
            case "json_row":
                return new JsonRowSchema(spec.get("type"), spec.path("fail_on_missing_field").asBoolean(false),
                        spec.path("ignore_parse_errors").asBoolean(false));
            default:
                throw new IllegalArgumentException("not supported yet: the serialization schema '" + kind
                        + "' in the Python DataStream API");
        }
    }

    /** Messages as they are: byte arrays. */
    static final class Bytes implements SerializationSchema<byte[]>, DeserializationSchema<byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(byte[] element) {
            return element;
        }

        @Override
        public byte[] deserialize(byte[] message) {
            return message;
        }

        @Override
        public boolean isEndOfStream(byte[] nextElement) {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public TypeInformation<byte[]> getProducedType() {
            return (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE);
        }
    }

    /** The byte array field {@code index} of a row (null: no bytes). */
    static final class RowField implements SerializationSchema<Object> {
        private static final long serialVersionUID = 1L;
        private final int index;

        RowField(int index) {
            this.index = index;
        }

        @Override
        public byte[] serialize(Object element) {
            Row row = (Row) element;
            if (index >= row.getArity()) {
                throw new IllegalArgumentException("Cannot access field " + index + " of a row of " + row.getArity()
                        + " fields: " + row);
            }
            Object field = row.getField(index);
            if (field != null && !(field instanceof byte[])) {
                throw new IllegalArgumentException("Field " + index + " of " + row + " must be a byte array, not "
                        + field.getClass().getSimpleName());
            }
            return (byte[]) field;
        }
    }
}
