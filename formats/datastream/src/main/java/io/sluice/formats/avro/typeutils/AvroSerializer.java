package io.sluice.formats.avro.typeutils;

import io.sluice.api.common.typeutils.TypeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.specific.SpecificData;

/**
 * Serializes Avro records (generic, specific or reflect) as their Avro binary encoding, preceded by its length.
 * The schema travels as JSON; the data model is chosen by {@link Model} and made again after deserialization of the
 * serializer itself.
 */
public final class AvroSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    /** How records are represented in Java. */
    public enum Model {
        /** {@link org.apache.avro.generic.GenericData.Record}. */
        GENERIC,
        /** Classes generated from a schema ({@link org.apache.avro.specific.SpecificRecord}). */
        SPECIFIC,
        /** Plain Java classes read and written by reflection. */
        REFLECT
    }

    private final String schemaJson;
    private final Model model;
    private final Class<T> typeClass;
    private transient Schema schema;
    private transient DatumWriter<T> writer;
    private transient DatumReader<T> reader;
    private transient ByteArrayOutputStream buffer;
    private transient BinaryEncoder encoder;
    private transient BinaryDecoder decoder;

    /** A serializer of records of {@code schema} in {@code model}; {@code typeClass} finds the class loader. */
    public AvroSerializer(Schema schema, Model model, Class<T> typeClass) {
        this.schemaJson = schema.toString();
        this.model = model;
        this.typeClass = typeClass;
    }

    /** The data model of {@code model} for classes of {@code loader}. */
    public static GenericData dataModel(Model model, ClassLoader loader) {
        switch (model) {
            case SPECIFIC:
                return new SpecificData(loader);
            case REFLECT:
                return new ReflectData(loader);
            default:
                return GenericData.get();
        }
    }

    @SuppressWarnings("unchecked")
    private void init() {
        if (writer == null) {
            schema = new Schema.Parser().parse(schemaJson);
            ClassLoader loader = typeClass != null && typeClass.getClassLoader() != null
                    ? typeClass.getClassLoader() : Thread.currentThread().getContextClassLoader();
            if (model != Model.GENERIC && typeClass != null) {
                AvroClasses.trust(typeClass, schema);
            }
            GenericData data = dataModel(model, loader);
            writer = (DatumWriter<T>) data.createDatumWriter(schema);
            reader = (DatumReader<T>) data.createDatumReader(schema);
            buffer = new ByteArrayOutputStream();
        }
    }

    @Override
    public void serialize(T value, DataOutput out) throws IOException {
        init();
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        writer.write(value, encoder);
        encoder.flush();
        out.writeInt(buffer.size());
        out.write(buffer.toByteArray());
    }

    @Override
    public T deserialize(DataInput in) throws IOException {
        init();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        return reader.read(null, decoder);
    }

    @Override
    public String identity() {
        init();
        return "avro-" + model.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + Long.toHexString(SchemaNormalization.parsingFingerprint64(schema));
    }
}
