package io.sluice.datastream.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Serializes job parts (operators with their user functions) once and gives each parallel instance a fresh copy.
 * An anonymous or inner function class holds a reference to its enclosing instance; when that instance is not
 * serializable it is left out (as if the function did not use it), so functions declared inside a test or a
 * {@code main} class work like in Flink.
 */
public final class FunctionCopies {
    private FunctionCopies() {
    }

    /** The serialized form of {@code value}; fails naming the class that cannot be serialized. */
    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new OuterDroppingStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("The job cannot be serialized: " + e.getMessage()
                    + " is not serializable. Functions and the objects they reference must implement "
                    + "java.io.Serializable (or be transient and created in open()).", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The job cannot be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** A fresh copy of what {@link #serialize} wrote. */
    @SuppressWarnings("unchecked")
    public static <T> T deserialize(byte[] bytes) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader != null ? loader
                            : FunctionCopies.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy the job's functions: " + e, e);
        }
    }

    /** A copy of {@code value} through serialization. */
    public static <T> T copy(T value) {
        return deserialize(serialize(value));
    }

    /** Replaces non-serializable enclosing instances of inner function classes by null. */
    private static final class OuterDroppingStream extends ObjectOutputStream {
        private final Set<Object> outers = Collections.newSetFromMap(new IdentityHashMap<>());

        OuterDroppingStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj == null) {
                return null;
            }
            if (outers.contains(obj)) {
                return null;
            }
            for (Class<?> c = obj.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isSynthetic() && f.getName().startsWith("this$")) {
                        try {
                            f.setAccessible(true);
                            Object outer = f.get(obj);
                            if (outer != null && !(outer instanceof Serializable)) {
                                outers.add(outer);
                            }
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            // not accessible: serialized as is
                        }
                    }
                }
            }
            return obj;
        }
    }
}
