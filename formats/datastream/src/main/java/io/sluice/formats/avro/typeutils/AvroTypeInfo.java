package io.sluice.formats.avro.typeutils;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeutils.TypeSerializer;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The type of records of a class generated from an Avro schema ({@link SpecificRecord}) or, for other classes, of a
 * plain Java class whose Avro schema is derived by reflection; they are serialized in Avro's binary encoding.
 */
public class AvroTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;

    public AvroTypeInfo(Class<T> typeClass) {
        this.typeClass = java.util.Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        if (SpecificRecord.class.isAssignableFrom(typeClass)) {
            return new AvroSerializer<>(new SpecificData(typeClass.getClassLoader()).getSchema(typeClass),
                    AvroSerializer.Model.SPECIFIC, typeClass);
        }
        return new AvroSerializer<>(new ReflectData(typeClass.getClassLoader()).getSchema(typeClass),
                AvroSerializer.Model.REFLECT, typeClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroTypeInfo && ((AvroTypeInfo<?>) o).typeClass.equals(typeClass);
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public String toString() {
        return "AvroType(" + typeClass.getName() + ")";
    }
}
