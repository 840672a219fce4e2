package io.sluice.runtime.operator.aggregate.builtin;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code FIRST_VALUE(value)} and {@code LAST_VALUE(value)} as GROUP BY aggregates, as in Flink: the first
 * (last) non-NULL value of the group in arrival order, NULL when there is none.
 *
 * <p>Over an insert-only input only that one value is kept. Over an updating input (parameter
 * {@code retracting}) every value is kept with its arrival number, as Flink's retracting variants keep values by
 * order: a retraction removes the earliest arrival of an equal value, and the result becomes the earliest (latest)
 * value still held.
 */
public final class FirstLastValueInvoker extends BuiltInAggregateInvoker {
    private final boolean first;
    private final boolean retracting;

    /** The state of one group. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The result when not retracting (external value, null when none yet). */
        Object value;
        /** When retracting: arrival number of each held value (as a key, see keyOf). */
        TreeMap<Long, Object> byArrival;
        /** When retracting: the arrival numbers of each held value, oldest first. */
        Map<Object, ArrayDeque<Long>> arrivals;
        long nextArrival;
    }

    /** @param references {@code [argTypes, Boolean first, Boolean retracting]} */
    public FirstLastValueInvoker(Object[] references) {
        super((Boolean) references[1] ? "FIRST_VALUE" : "LAST_VALUE", references);
        this.first = (Boolean) references[1];
        this.retracting = (Boolean) references[2];
    }

    @Override
    public Object createAccumulator() {
        Acc acc = new Acc();
        if (retracting) {
            acc.byArrival = new TreeMap<>();
            acc.arrivals = new HashMap<>();
        }
        return acc;
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Acc a = (Acc) acc;
        if (a.byArrival == null && first && a.value != null) {
            return; // FIRST_VALUE of an insert-only input is settled: no need to read the row's value
        }
        Object v = arg(args, 0, row);
        if (v == null) {
            return;
        }
        if (a.byArrival == null) {
            if (!first || a.value == null) {
                a.value = v;
            }
            return;
        }
        long arrival = a.nextArrival++;
        Object key = keyOf(v);
        a.byArrival.put(arrival, key);
        a.arrivals.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(arrival);
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        Acc a = (Acc) acc;
        if (v == null || a.byArrival == null) {
            return;
        }
        Object key = keyOf(v);
        ArrayDeque<Long> held = a.arrivals.get(key);
        if (held == null) {
            return;
        }
        a.byArrival.remove(held.pollFirst());
        if (held.isEmpty()) {
            a.arrivals.remove(key);
        }
    }

    @Override
    public Object getValue(Object acc) {
        Acc a = (Acc) acc;
        if (a.byArrival == null) {
            return a.value;
        }
        if (a.byArrival.isEmpty()) {
            return null;
        }
        return valueOf(first ? a.byArrival.firstEntry().getValue() : a.byArrival.lastEntry().getValue());
    }
}
