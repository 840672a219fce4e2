package io.sluice.runtime.operator.aggregate.builtin;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code COLLECT([ALL | DISTINCT] value)}, as in Flink: a MULTISET of the group's non-NULL values (each with the
 * number of times it occurs); an empty MULTISET for a group without non-NULL values. A retraction lowers the
 * value's count (the value leaves at zero); a retraction that arrives before its value is remembered and cancels
 * the value when it comes, so only positive counts are ever part of the result. Elements appear in the order of
 * their first arrival.
 */
public final class CollectInvoker extends BuiltInAggregateInvoker {

    /** The state of one group: each value with its count (negative: retractions not matched yet). */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        transient Map<HeldValues.Key, Integer> counts = new LinkedHashMap<>();

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(counts.size());
            for (Map.Entry<HeldValues.Key, Integer> e : counts.entrySet()) {
                out.writeObject(HeldValues.encode(e.getKey().value));
                out.writeInt(e.getValue());
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            int n = in.readInt();
            counts = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object v = HeldValues.decode(in.readObject());
                counts.put(new HeldValues.Key(v), in.readInt());
            }
        }

        void change(Object value, int delta) {
            counts.merge(new HeldValues.Key(value), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** @param references {@code [argTypes]} */
    public CollectInvoker(Object[] references) {
        super("COLLECT", references);
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v != null) {
            ((Acc) acc).change(v, 1);
        }
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v != null) {
            ((Acc) acc).change(v, -1);
        }
    }

    @Override
    public Object getValue(Object acc) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<HeldValues.Key, Integer> e : ((Acc) acc).counts.entrySet()) {
            if (e.getValue() > 0) {
                out.put(e.getKey().value, e.getValue());
            }
        }
        return out;
    }
}
