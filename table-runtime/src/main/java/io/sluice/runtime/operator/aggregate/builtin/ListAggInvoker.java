package io.sluice.runtime.operator.aggregate.builtin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code LISTAGG(value [, separator])}, as in Flink: the non-NULL values of the group in the order they arrived,
 * joined by the separator ({@code ','} when omitted; with a separator column, the one of the latest row added);
 * NULL when the group has no non-NULL value. A retraction removes the earliest equal value still held (a value
 * never added is ignored). A NULL separator makes the result NULL.
 */
public final class ListAggInvoker extends BuiltInAggregateInvoker {

    /** The state of one group. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> values = new ArrayList<>();
        String separator = ",";
    }

    /** @param references {@code [argTypes]} */
    public ListAggInvoker(Object[] references) {
        super("LISTAGG", references);
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v == null) {
            return;
        }
        Acc a = (Acc) acc;
        if (args.length > 1) {
            Object separator = arg(args, 1, row);
            a.separator = separator == null ? null : separator.toString();
        }
        a.values.add(v.toString());
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        if (v != null) {
            ((Acc) acc).values.remove(v.toString());
        }
    }

    @Override
    public Object getValue(Object acc) {
        Acc a = (Acc) acc;
        if (a.values.isEmpty() || a.separator == null) {
            return null;
        }
        return String.join(a.separator, a.values);
    }
}
