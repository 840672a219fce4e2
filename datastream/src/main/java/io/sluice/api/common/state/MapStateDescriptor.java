package io.sluice.api.common.state;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.Map;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
    private static final long serialVersionUID = 1L;
    private final transient TypeInformation<UK> keyType;
    private final transient TypeInformation<UV> valueType;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, (TypeInformation<Map<UK, UV>>) null);
        this.keyType = keyTypeInfo;
        this.valueType = valueTypeInfo;
    }

    public TypeInformation<UK> getKeyTypeInfo() {
        return keyType;
    }

    public TypeInformation<UV> getValueTypeInfo() {
        return valueType;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
