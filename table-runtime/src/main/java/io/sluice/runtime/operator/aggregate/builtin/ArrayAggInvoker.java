package io.sluice.runtime.operator.aggregate.builtin;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code ARRAY_AGG([ALL | DISTINCT] value [RESPECT NULLS | IGNORE NULLS])}, as in Flink: an ARRAY of the group's
 * values in arrival order, NULL values included unless {@code IGNORE NULLS}; NULL (not an empty array) when the
 * group holds no value. A retraction removes the earliest equal value still held; retracting a value that is not
 * held changes nothing. Values of any type are held, ARRAY, MAP, MULTISET and ROW values included.
 */
public final class ArrayAggInvoker extends BuiltInAggregateInvoker {
    private final boolean ignoreNulls;

    /** The state of one group: the values in arrival order. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        transient List<Object> values = new ArrayList<>();

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(values.size());
            for (Object v : values) {
                out.writeObject(HeldValues.encode(v));
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            int n = in.readInt();
            values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(HeldValues.decode(in.readObject()));
            }
        }
    }

    /** @param references {@code [argTypes, Boolean ignoreNulls]} */
    public ArrayAggInvoker(Object[] references) {
        super("ARRAY_AGG", references);
        this.ignoreNulls = (Boolean) references[1];
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v != null || !ignoreNulls) {
            ((Acc) acc).values.add(v);
        }
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v == null && ignoreNulls) {
            return;
        }
        for (Iterator<Object> it = ((Acc) acc).values.iterator(); it.hasNext(); ) {
            if (HeldValues.equal(it.next(), v)) {
                it.remove();
                return;
            }
        }
    }

    @Override
    public Object getValue(Object acc) {
        List<Object> values = ((Acc) acc).values;
        return values.isEmpty() ? null : new ArrayList<>(values);
    }
}
