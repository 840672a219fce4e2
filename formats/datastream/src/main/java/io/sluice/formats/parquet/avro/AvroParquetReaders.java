package io.sluice.formats.parquet.avro;

import io.sluice.formats.avro.typeutils.AvroSerializer;
import io.sluice.formats.avro.typeutils.AvroTypeInfo;
import io.sluice.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Formats that read Parquet files as Avro records, for {@code FileSource.forRecordStreamFormat}:
 * <pre>{@code
 * FileSource<GenericRecord> source =
 *     FileSource.forRecordStreamFormat(AvroParquetReaders.forGenericRecord(schema), new Path(dir)).build();
 * }</pre>
 */
public final class AvroParquetReaders {
    private AvroParquetReaders() {
    }

    /** Reads records of the class generated from an Avro schema (its {@code SCHEMA$} selects the columns). */
    public static <T extends SpecificRecordBase> AvroParquetRecordFormat<T> forSpecificRecord(Class<T> typeClass) {
        Schema schema = new SpecificData(typeClass.getClassLoader()).getSchema(typeClass);
        return new AvroParquetRecordFormat<>(new AvroTypeInfo<>(typeClass), schema, AvroSerializer.Model.SPECIFIC,
                typeClass);
    }

    /**
     * Reads records of a plain Java class, its Avro schema derived by reflection (fields by name). The class's
     * instances are made by the schema's full name, so the class must be top-level or static nested with a
     * no-argument constructor.
     */
    public static <T> AvroParquetRecordFormat<T> forReflectRecord(Class<T> typeClass) {
        Schema schema = new ReflectData(typeClass.getClassLoader()).getSchema(typeClass);
        return new AvroParquetRecordFormat<>(new AvroTypeInfo<>(typeClass), schema, AvroSerializer.Model.REFLECT,
                typeClass);
    }

    /** Reads {@link GenericRecord}s of {@code schema} (strings are Avro {@code Utf8}s, as Avro reads them). */
    public static AvroParquetRecordFormat<GenericRecord> forGenericRecord(Schema schema) {
        return new AvroParquetRecordFormat<>(new GenericRecordAvroTypeInfo(schema), schema,
                AvroSerializer.Model.GENERIC, GenericRecord.class);
    }
}
