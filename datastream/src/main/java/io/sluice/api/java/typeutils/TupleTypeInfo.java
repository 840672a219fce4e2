package io.sluice.api.java.typeutils;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import java.util.Arrays;

/** A {@code TupleN} with the given field types. */
public class TupleTypeInfo<T extends Tuple> extends DynamicTypeInfo<T> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<?>[] types;

    public TupleTypeInfo(TypeInformation<?>... types) {
        if (types.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("A tuple has at most " + Tuple.MAX_ARITY + " fields");
        }
        this.types = types.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getTypeClass() {
        return (Class<T>) Tuple.getTupleClass(types.length);
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    /** The type of field {@code pos}. */
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleTypeInfo && Arrays.equals(((TupleTypeInfo<?>) o).types, types);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        return "Tuple" + types.length + Arrays.toString(types);
    }
}
