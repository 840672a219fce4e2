package io.sluice.datastream.types;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * Finds the type argument a function class gives one of its interfaces (e.g. the output type {@code R} of a
 * {@code MapFunction<T, R>} implemented by a named or anonymous class). Lambdas carry no such information: the
 * result is then null and records are serialized by their run-time class.
 */
public final class TypeExtractor {
    private TypeExtractor() {
    }

    /** The type information of type argument {@code index} of {@code base} as implemented by {@code function}. */
    public static TypeInformation<?> typeArgument(Object function, Class<?> base, int index) {
        if (function instanceof io.sluice.api.java.typeutils.ResultTypeQueryable) {
            // every caller asks for the function's output type, which the function states itself
            return ((io.sluice.api.java.typeutils.ResultTypeQueryable<?>) function).getProducedType();
        }
        if (function == null || function.getClass().isSynthetic()) {
            return null;
        }
        Type t = find(function.getClass(), base, index);
        if (t == null || t instanceof TypeVariable || t == Object.class) {
            return null;
        }
        try {
            return TypeInformation.fromType(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Type find(Class<?> c, Class<?> base, int index) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Type i : k.getGenericInterfaces()) {
                Type r = match(i, base, index);
                if (r != null) {
                    return r;
                }
            }
            Type r = match(k.getGenericSuperclass(), base, index);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static Type match(Type t, Class<?> base, int index) {
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            if (p.getRawType() == base) {
                return p.getActualTypeArguments()[index];
            }
            if (p.getRawType() instanceof Class && base.isAssignableFrom((Class<?>) p.getRawType())) {
                return null;
            }
        }
        return null;
    }
}
