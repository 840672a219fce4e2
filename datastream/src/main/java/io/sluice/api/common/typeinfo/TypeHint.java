package io.sluice.api.common.typeinfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Captures a generic type: {@code new TypeHint<Tuple2<String, Long>>(){}}. */
public abstract class TypeHint<T> {
    private final Type type;

    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType)) {
            throw new IllegalArgumentException("A TypeHint must be created as an anonymous subclass with a type argument");
        }
        this.type = ((ParameterizedType) superType).getActualTypeArguments()[0];
    }

    /** The captured type. */
    public Type getType() {
        return type;
    }

    public TypeInformation<T> getTypeInfo() {
        return TypeInformation.of(this);
    }
}
