package io.sluice.api.common.state;

import io.sluice.api.common.typeinfo.TypeInformation;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        super(name, typeClass);
    }

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
