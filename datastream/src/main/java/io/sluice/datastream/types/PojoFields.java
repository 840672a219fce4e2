package io.sluice.datastream.types;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serialized fields of a POJO class: every non-static, non-transient field of the class and its superclasses,
 * ordered by name (then declaring class), made accessible once and cached per class.
 */
public final class PojoFields {
    private static final ConcurrentHashMap<Class<?>, List<Field>> CACHE = new ConcurrentHashMap<>();

    private PojoFields() {
    }

    /** The fields of {@code c}. */
    public static List<Field> of(Class<?> c) {
        return CACHE.computeIfAbsent(c, PojoFields::compute);
    }

    private static List<Field> compute(Class<?> c) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        fields.sort(Comparator.comparing(Field::getName).thenComparing(f -> f.getDeclaringClass().getName()));
        return List.copyOf(fields);
    }
}
