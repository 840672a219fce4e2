package io.sluice.runtime.generated;

import java.lang.reflect.Constructor;

/**
 * A compiled generated class plus the objects its constructor takes (non-literal constants such as
 * patterns or decimal values). Creating an instance needs no compiler, so a job graph holding these
 * can be instantiated once per parallel task.
 *
 * @param <T> the runtime interface the class implements
 */
public final class GeneratedClass<T> {
    private final String className;
    private final String source;
    private final Class<?> compiled;
    private final Object[] references;

    public GeneratedClass(String className, String source, Class<?> compiled, Object[] references) {
        this.className = className;
        this.source = source;
        this.compiled = compiled;
        this.references = references;
    }

    public String className() {
        return className;
    }

    /** The Java source the class was compiled from. */
    public String source() {
        return source;
    }

    /** A new instance; the class has a public constructor taking {@code Object[] references}. */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            Constructor<?> c = compiled.getConstructor(Object[].class);
            return (T) c.newInstance((Object) references);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate generated class " + className, e);
        }
    }
}
