package io.sluice.api.common.typeinfo;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.api.java.typeutils.GenericTypeInfo;
import io.sluice.api.java.typeutils.PojoTypeInfo;
import io.sluice.api.java.typeutils.TupleTypeInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The type of the records of a stream or of the values of a state, and how to serialize them. Sluice also
 * serializes records whose type it could not infer (lambdas returning generic types), so {@code returns(...)} is
 * optional; a declared type makes serialization cheaper.
 */
public abstract class TypeInformation<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The class of the values. */
    public abstract Class<T> getTypeClass();

    /** The number of fields (1 for atomic types). */
    public int getArity() {
        return 1;
    }

    public int getTotalFields() {
        return getArity();
    }

    public boolean isBasicType() {
        return false;
    }

    public boolean isTupleType() {
        return false;
    }

    /** Whether values of this type can be keys (they have a stable {@code hashCode}). */
    public boolean isKeyType() {
        return true;
    }

    /** The serializer of this type. */
    public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

    /** The type information of a class: a basic type, a POJO, or a generic type. */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        if (typeClass == null) {
            throw new NullPointerException("typeClass");
        }
        BasicTypeInfo<T> basic = BasicTypeInfo.getInfoFor(typeClass);
        if (basic != null) {
            return basic;
        }
        if (Tuple.class.isAssignableFrom(typeClass)) {
            return new GenericTypeInfo<>(typeClass);
        }
        if (PojoTypeInfo.isPojo(typeClass)) {
            return new PojoTypeInfo<>(typeClass);
        }
        return new GenericTypeInfo<>(typeClass);
    }

    /** The type information captured by a {@link TypeHint} (e.g. {@code new TypeHint<Tuple2<String, Long>>(){}}). */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return (TypeInformation<T>) fromType(typeHint.getType());
    }

    /** The type information of a reflected type. */
    public static TypeInformation<?> fromType(Type type) {
        if (type instanceof Class) {
            return of((Class<?>) type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            if (Tuple.class.isAssignableFrom(raw) && raw.getName().startsWith("io.sluice.api.java.tuple.Tuple")) {
                Type[] args = p.getActualTypeArguments();
                TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
                for (int i = 0; i < args.length; i++) {
                    fields[i] = fromType(args[i]);
                }
                return new TupleTypeInfo<>(fields);
            }
            return of(raw);
        }
        return new GenericTypeInfo<>(Object.class);
    }
}
