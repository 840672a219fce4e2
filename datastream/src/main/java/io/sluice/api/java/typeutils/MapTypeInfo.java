package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.Map;

/** A {@link Map} with keys and values of one type each. */
public class MapTypeInfo<K, V> extends DynamicTypeInfo<Map<K, V>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<K> keyType;
    private final TypeInformation<V> valueType;

    public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyType;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<K, V>> getTypeClass() {
        return (Class) Map.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "Map<" + keyType + ", " + valueType + ">";
    }
}
