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
    private final int[] inputColumns;

    public GeneratedClass(String className, String source, Class<?> compiled, Object[] references) {
        this(className, source, compiled, references, null);
    }

    private GeneratedClass(String className, String source, Class<?> compiled, Object[] references,
            int[] inputColumns) {
        this.className = className;
        this.source = source;
        this.compiled = compiled;
        this.references = references;
        this.inputColumns = inputColumns;
    }

    /**
     * The same class, recorded as reading only the input columns {@code columns} (ascending): a caller may leave the
     * other columns of the batch it passes empty.
     */
    public GeneratedClass<T> withInputColumns(int[] columns) {
        return new GeneratedClass<>(className, source, compiled, references, columns.clone());
    }

    /**
     * The input columns the generated code reads, ascending, or null when not recorded (then it may read any).
     */
    public int[] inputColumns() {
        return inputColumns == null ? null : inputColumns.clone();
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
