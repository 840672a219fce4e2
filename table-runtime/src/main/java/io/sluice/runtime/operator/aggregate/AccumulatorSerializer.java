package io.sluice.runtime.operator.aggregate;

import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the accumulator objects of user-defined aggregate functions for checkpoints, by Java
 * serialization. An accumulator (or an object inside it) that is not {@link Serializable} is written as a
 * POJO: its class and the values of its non-static, non-transient fields (its class needs a no-argument
 * constructor); anything else fails with "not supported yet". Classes are resolved through the function's
 * class loader.
 */
final class AccumulatorSerializer {
    private AccumulatorSerializer() {
    }

    /** The serialized form of {@code accs[0 .. n-1]} (null entries allowed). */
    static byte[] write(Object[] accs, int n, String function) throws IOException {
        Object[] slice = new Object[n];
        System.arraycopy(accs, 0, slice, 0, n);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PojoAwareOutput out = new PojoAwareOutput(bytes)) {
            out.writeObject(slice);
        } catch (NotSerializableException | UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException("checkpointing the accumulator of user-defined aggregate function "
                    + function + ": " + e.getMessage() + " is neither Serializable nor a POJO with a no-argument"
                    + " constructor");
        }
        return bytes.toByteArray();
    }

    /** The accumulators {@link #write} wrote. */
    static Object[] read(byte[] data, ClassLoader loader) throws IOException {
        try (PojoAwareInput in = new PojoAwareInput(new ByteArrayInputStream(data), loader)) {
            return (Object[]) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore a user-defined aggregate accumulator: " + e.getMessage(), e);
        }
    }

    /** The serializable stand-in for a non-serializable POJO. */
    private static final class PojoForm implements Serializable {
        private static final long serialVersionUID = 1L;
        final String className;
        final String[] declaringClasses;
        final String[] fieldNames;
        final Object[] values;

        PojoForm(String className, String[] declaringClasses, String[] fieldNames, Object[] values) {
            this.className = className;
            this.declaringClasses = declaringClasses;
            this.fieldNames = fieldNames;
            this.values = values;
        }
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> result = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) {
                    result.add(f);
                }
            }
        }
        return result;
    }

    private static final class PojoAwareOutput extends ObjectOutputStream {
        PojoAwareOutput(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj instanceof Serializable || obj.getClass().isArray() || obj.getClass().isEnum()) {
                return obj;
            }
            Class<?> c = obj.getClass();
            try {
                c.getDeclaredConstructor();
                List<Field> fields = fields(c);
                String[] owners = new String[fields.size()];
                String[] names = new String[fields.size()];
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    f.setAccessible(true);
                    owners[i] = f.getDeclaringClass().getName();
                    names[i] = f.getName();
                    values[i] = f.get(obj);
                }
                return new PojoForm(c.getName(), owners, names, values);
            } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
                throw new NotSerializableException("class " + c.getName());
            }
        }
    }

    private static final class PojoAwareInput extends ObjectInputStream {
        private final ClassLoader loader;

        PojoAwareInput(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (!(obj instanceof PojoForm)) {
                return obj;
            }
            PojoForm form = (PojoForm) obj;
            try {
                Class<?> c = Class.forName(form.className, false, loader);
                Constructor<?> ctor = c.getDeclaredConstructor();
                ctor.setAccessible(true);
                Object pojo = ctor.newInstance();
                for (int i = 0; i < form.fieldNames.length; i++) {
                    Class<?> owner = Class.forName(form.declaringClasses[i], false, loader);
                    Field f = owner.getDeclaredField(form.fieldNames[i]);
                    f.setAccessible(true);
                    f.set(pojo, form.values[i]);
                }
                return pojo;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot restore accumulator of class " + form.className + ": " + e, e);
            }
        }
    }
}
