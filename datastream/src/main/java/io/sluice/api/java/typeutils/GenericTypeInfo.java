package io.sluice.api.java.typeutils;

/** Values of any class; serialized by their run-time class (public fields and bean properties, or Java serialization). */
public class GenericTypeInfo<T> extends DynamicTypeInfo<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = typeClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericTypeInfo && ((GenericTypeInfo<?>) o).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }
}
