package io.sluice.datastream.runtime;

import io.sluice.api.java.tuple.Tuple;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Copies the records an operator hands to the operator chained after it where that operator must not see later
 * changes of the object (a sink that keeps what it is given), as records are copied between chained operators when
 * object reuse is disabled. Immutable values (strings, boxed primitives) are handed over as they are, tuples of them
 * copied field by field; anything else makes a round trip through its serializer.
 */
public final class RecordCopier {
    private final StateSerializer<Object> serializer;
    private final RecordBytes.Output out = new RecordBytes.Output();
    private final RecordBytes.Input in = new RecordBytes.Input();

    @SuppressWarnings("unchecked")
    public RecordCopier(StateSerializer<?> serializer) {
        this.serializer = (StateSerializer<Object>) serializer;
    }

    /** A copy of {@code record} that shares nothing mutable with it. */
    public Object copy(Object record) {
        if (record == null || immutable(record)) {
            return record;
        }
        if (record instanceof Tuple && isTupleClass(record)) {
            Tuple t = (Tuple) record;
            boolean flat = true;
            for (int i = 0; i < t.getArity() && flat; i++) {
                Object f = t.getField(i);
                flat = f == null || immutable(f);
            }
            if (flat) {
                return t.copy();
            }
        }
        try {
            out.reset();
            serializer.serialize(record, out);
            return serializer.deserialize(in.of(out.buffer()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy record " + record, e);
        }
    }

    /** Whether {@code record} is of one of the tuple classes themselves (not of a subclass with fields of its own). */
    private static boolean isTupleClass(Object record) {
        int arity = ((Tuple) record).getArity();
        return arity < TUPLE_CLASSES.length && TUPLE_CLASSES[arity] == record.getClass();
    }

    private static final Class<?>[] TUPLE_CLASSES = new Class<?>[Tuple.MAX_ARITY + 1];

    static {
        for (int i = 0; i <= Tuple.MAX_ARITY; i++) {
            TUPLE_CLASSES[i] = Tuple.getTupleClass(i);
        }
    }

    private static boolean immutable(Object v) {
        Class<?> c = v.getClass();
        return c == String.class || c == Long.class || c == Integer.class || c == Double.class
                || c == Boolean.class || c == Short.class || c == Byte.class || c == Float.class
                || c == Character.class;
    }
}
