package io.sluice.api.java.typeutils;

import java.lang.reflect.Modifier;

/** A POJO: a public class with a public no-argument constructor. */
public class PojoTypeInfo<T> extends GenericTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    public PojoTypeInfo(Class<T> typeClass) {
        super(typeClass);
    }

    /** Whether {@code c} is a public, non-abstract class with a public no-argument constructor. */
    public static boolean isPojo(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers()) || c.isInterface()
                || c.isArray() || c.isEnum() || (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()))) {
            return false;
        }
        try {
            return Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public int getArity() {
        return io.sluice.datastream.types.PojoFields.of(getTypeClass()).size();
    }

    @Override
    public String toString() {
        return "PojoType<" + getTypeClass().getName() + ">";
    }
}
