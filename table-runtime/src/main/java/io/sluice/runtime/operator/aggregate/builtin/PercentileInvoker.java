package io.sluice.runtime.operator.aggregate.builtin;

import io.sluice.table.api.TableException;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code PERCENTILE(value, percentage [, frequency])}, Flink's exact continuous percentile: the group's non-NULL
 * values (each counted {@code frequency} times, default 1; rows with a NULL or non-positive frequency are skipped)
 * are sorted, and the result is the value at position {@code percentage * (n - 1)} (zero-based) of the n values,
 * interpolated linearly between its two neighbours; NULL when the group has no value. The percentage is taken
 * from the first row the group sees and must lie in [0.0, 1.0]. Retraction subtracts the row's count.
 */
public final class PercentileInvoker extends BuiltInAggregateInvoker {

    /** The state of one group: the percentage and each distinct value's count. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        Double percentage;
        final TreeMap<Double, Long> counts = new TreeMap<>();
    }

    /** @param references {@code [argTypes]} */
    public PercentileInvoker(Object[] references) {
        super("PERCENTILE", references);
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Acc a = (Acc) acc;
        if (a.percentage == null) {
            Object p = arg(args, 1, row);
            if (p == null) {
                throw new TableException("PERCENTILE: the percentage is NULL; it must be between 0.0 and 1.0");
            }
            double percentage = ((Number) p).doubleValue();
            if (!(percentage >= 0.0 && percentage <= 1.0)) {
                throw new TableException("PERCENTILE: the percentage must be between 0.0 and 1.0, but was "
                        + p);
            }
            a.percentage = percentage;
        }
        update(a, args, row, 1);
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        update((Acc) acc, args, row, -1);
    }

    private void update(Acc a, FieldVector[] args, int row, int sign) {
        long frequency = 1;
        if (args.length > 2) {
            Object f = arg(args, 2, row);
            if (f == null || ((Number) f).longValue() <= 0) {
                return;
            }
            frequency = ((Number) f).longValue();
        }
        Object v = arg(args, 0, row);
        if (v == null) {
            return;
        }
        double value = ((Number) v).doubleValue();
        long count = a.counts.getOrDefault(value, 0L) + sign * frequency;
        if (count == 0) {
            a.counts.remove(value);
        } else {
            a.counts.put(value, count);
        }
    }

    @Override
    public Object getValue(Object acc) {
        Acc a = (Acc) acc;
        long total = 0;
        for (long c : a.counts.values()) {
            total += c;
        }
        if (a.percentage == null || total <= 0) {
            return null;
        }
        // one-based position among the sorted values; the two values around it are interpolated
        double position = a.percentage * (total - 1) + 1;
        long lower = (long) Math.floor(position);
        long upper = (long) Math.ceil(position);
        Double lowerValue = null;
        long seen = 0;
        for (Map.Entry<Double, Long> e : a.counts.entrySet()) {
            seen += e.getValue();
            if (lowerValue == null && seen >= lower) {
                lowerValue = e.getKey();
            }
            if (seen >= upper) {
                double upperValue = e.getKey();
                return lowerValue == upperValue ? upperValue
                        : (upper - position) * lowerValue + (position - lower) * upperValue;
            }
        }
        return lowerValue;
    }
}
