package io.sluice.python.datastream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.types.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Rows as Avro binary records of an Avro record schema (PyFlink's {@code AvroRowSerializationSchema} and
 * {@code AvroRowDeserializationSchema} with {@code avro_schema_string}): the row's fields in the order of the
 * schema's fields; a union with null is an optional field, a nested record a nested row, an array a list, a map a
 * dict with text keys, an enum its symbol's text, bytes and fixed byte arrays; the logical types {@code date} and
 * {@code timestamp-millis}/{@code timestamp-micros} are dates and timestamps (UTC). A message that is no record of
 * the schema fails the job naming the schema.
 */
public final class AvroRowSchema implements SerializationSchema<Object>, DeserializationSchema<Object> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String schemaText;
    /** The Python type information of the rows, as JSON text (see {@link PythonTypes}). */
    private final String type;
    private transient Schema schema;
    private transient GenericDatumWriter<GenericRecord> writer;
    private transient GenericDatumReader<GenericRecord> reader;
    private transient ByteArrayOutputStream buffer;
    private transient BinaryEncoder encoder;
    private transient BinaryDecoder decoder;

    public AvroRowSchema(String schemaText, JsonNode type) {
        Schema s = new Schema.Parser().parse(schemaText);
        if (s.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("The Avro row format needs a record schema, not " + s.getType());
        }
        this.schemaText = schemaText;
        this.type = type.toString();
    }

    private Schema schema() {
        if (schema == null) {
            schema = new Schema.Parser().parse(schemaText);
        }
        return schema;
    }

    @Override
    public byte[] serialize(Object element) {
        try {
            if (writer == null) {
                writer = new GenericDatumWriter<>(schema());
                buffer = new ByteArrayOutputStream();
            }
            buffer.reset();
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            writer.write((GenericRecord) toAvro(element, schema()), encoder);
            encoder.flush();
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot write " + element + " as an Avro record of " + schema() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Object field(Object row, int i) {
        return row instanceof Row ? ((Row) row).getField(i) : ((Tuple) row).getField(i);
    }

    private static Object toAvro(Object v, Schema s) {
        if (v == null) {
            return null;
        }
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case UNION:
                for (Schema branch : s.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return toAvro(v, branch);
                    }
                }
                return null;
            case RECORD: {
                GenericData.Record r = new GenericData.Record(s);
                List<Schema.Field> fields = s.getFields();
                int arity = v instanceof Row ? ((Row) v).getArity() : ((Tuple) v).getArity();
                if (arity != fields.size()) {
                    throw new IllegalArgumentException("the row " + v + " has " + arity + " fields, the record "
                            + s.getName() + " " + fields.size());
                }
                for (int i = 0; i < fields.size(); i++) {
                    r.put(i, toAvro(field(v, i), fields.get(i).schema()));
                }
                return r;
            }
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object e : (Iterable<?>) v) {
                    out.add(toAvro(e, s.getElementType()));
                }
                return out;
            }
            case MAP: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    out.put(String.valueOf(e.getKey()), toAvro(e.getValue(), s.getValueType()));
                }
                return out;
            }
            case STRING:
                return v.toString();
            case ENUM:
                return new GenericData.EnumSymbol(s, v.toString());
            case BYTES:
                return ByteBuffer.wrap((byte[]) v);
            case FIXED:
                return new GenericData.Fixed(s, (byte[]) v);
            case INT:
                if (logical != null && "date".equals(logical.getName()) && v instanceof LocalDate) {
                    return (int) ((LocalDate) v).toEpochDay();
                }
                return ((Number) v).intValue();
            case LONG:
                if (v instanceof LocalDateTime) {
                    long micros = ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC) * 1_000_000L
                            + ((LocalDateTime) v).getNano() / 1000;
                    return logical != null && "timestamp-micros".equals(logical.getName()) ? micros
                            : Math.floorDiv(micros, 1000);
                }
                return ((Number) v).longValue();
            case FLOAT:
                return ((Number) v).floatValue();
            case DOUBLE:
                return ((Number) v).doubleValue();
            default:
                return v;
        }
    }

    @Override
    public Object deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        try {
            if (reader == null) {
                reader = new GenericDatumReader<>(schema());
            }
            decoder = DecoderFactory.get().binaryDecoder(message, decoder);
            return fromAvro(reader.read(null, decoder), schema());
        } catch (IOException | RuntimeException e) {
            throw new IOException("Failed to deserialize an Avro record of " + schema().getFullName() + " ("
                    + message.length + " bytes): " + e, e);
        }
    }

    private static Object fromAvro(Object v, Schema s) {
        if (v == null) {
            return null;
        }
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case UNION:
                return fromAvro(v, s.getTypes().get(GenericData.get().resolveUnion(s, v)));
            case RECORD: {
                GenericRecord r = (GenericRecord) v;
                List<Schema.Field> fields = s.getFields();
                Row row = new Row(fields.size());
                for (int i = 0; i < fields.size(); i++) {
                    row.setField(i, fromAvro(r.get(i), fields.get(i).schema()));
                }
                return row;
            }
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object e : (Iterable<?>) v) {
                    out.add(fromAvro(e, s.getElementType()));
                }
                return out;
            }
            case MAP: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    out.put(e.getKey().toString(), fromAvro(e.getValue(), s.getValueType()));
                }
                return out;
            }
            case STRING:
            case ENUM:
                return v.toString();
            case BYTES: {
                ByteBuffer b = ((ByteBuffer) v).duplicate();
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            }
            case FIXED:
                return ((GenericFixed) v).bytes().clone();
            case INT:
                if (logical != null && "date".equals(logical.getName())) {
                    return LocalDate.ofEpochDay((Integer) v);
                }
                return v;
            case LONG:
                if (logical != null && logical.getName().startsWith("timestamp-")) {
                    long t = (Long) v;
                    long micros = "timestamp-micros".equals(logical.getName()) ? t : t * 1000;
                    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
                }
                return v;
            default:
                return v;
        }
    }

    @Override
    public boolean isEndOfStream(Object nextElement) {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Object> getProducedType() {
        try {
            return (TypeInformation<Object>) PythonTypes.of(MAPPER.readTree(type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
