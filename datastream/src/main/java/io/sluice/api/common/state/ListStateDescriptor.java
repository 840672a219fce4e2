package io.sluice.api.common.state;

import io.sluice.api.common.typeinfo.TypeInformation;

/** Describes a {@link ListState} with elements of type {@code T}. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementTypeClass) {
        super(name, elementTypeClass);
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, elementTypeInfo);
    }

    /** The type of the list's elements. */
    public TypeInformation<T> getElementTypeInfo() {
        return typeInfo;
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
