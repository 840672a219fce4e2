package io.sluice.api.java.typeutils;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.datastream.types.DynamicSerializer;

/** Base of composite type informations whose values Sluice serializes by their run-time class. */
abstract class DynamicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return DynamicSerializer.instance();
    }
}
