package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.List;

/** A {@link List} of elements of one type. */
public class ListTypeInfo<T> extends DynamicTypeInfo<List<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<T> elementType;

    public ListTypeInfo(TypeInformation<T> elementType) {
        this.elementType = elementType;
    }

    public ListTypeInfo(Class<T> elementClass) {
        this(TypeInformation.of(elementClass));
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<T>> getTypeClass() {
        return (Class) List.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "List<" + elementType + ">";
    }
}
