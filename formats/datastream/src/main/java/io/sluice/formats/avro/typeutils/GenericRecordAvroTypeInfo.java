package io.sluice.formats.avro.typeutils;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeutils.TypeSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** The type of Avro {@link GenericRecord}s of one schema; they are serialized in Avro's binary encoding. */
public class GenericRecordAvroTypeInfo extends TypeInformation<GenericRecord> {
    private static final long serialVersionUID = 1L;
    private final String schemaJson;
    private transient Schema schema;

    public GenericRecordAvroTypeInfo(Schema schema) {
        this.schemaJson = schema.toString();
        this.schema = schema;
    }

    /** The records' schema. */
    public Schema getSchema() {
        if (schema == null) {
            schema = new Schema.Parser().parse(schemaJson);
        }
        return schema;
    }

    @Override
    public Class<GenericRecord> getTypeClass() {
        return GenericRecord.class;
    }

    @Override
    public TypeSerializer<GenericRecord> createSerializer(SerializerConfig config) {
        return new AvroSerializer<>(getSchema(), AvroSerializer.Model.GENERIC, GenericRecord.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericRecordAvroTypeInfo && ((GenericRecordAvroTypeInfo) o).schemaJson.equals(schemaJson);
    }

    @Override
    public int hashCode() {
        return schemaJson.hashCode();
    }

    @Override
    public String toString() {
        return "GenericRecord(\"" + schemaJson + "\")";
    }
}
