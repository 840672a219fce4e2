package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.table.api.TableException;
import org.apache.arrow.vector.FieldVector;

/**
 * A user-defined aggregate function over a sliding window frame. A function with a {@code retract} method keeps one
 * accumulator that rows enter and leave as the frame moves; one without gets a fresh accumulator per row, fed every
 * row of that row's frame. Each result is the function's {@code getValue} of the accumulator, also for an empty frame
 * (as in Flink, the function decides what an empty frame gives). The invoker is opened and closed by the operator.
 */
final class UserFrameAggregate extends FrameAggregate {
    private final UserAggregateInvoker invoker;
    private final FieldVector[] args;
    private final boolean retracts;
    private Object acc;

    /** @param args the argument vectors over the buffer rows ({@link UserArgs}) */
    UserFrameAggregate(UserAggregateInvoker invoker, FieldVector[] args, ResultColumn out) {
        super(out);
        this.invoker = invoker;
        this.args = args;
        this.retracts = invoker.canRetract();
    }

    @Override
    void reset() {
        acc = retracts ? invoker.createAccumulator() : null;
    }

    @Override
    void add(int row) {
        if (retracts) {
            invoker.accumulate(acc, args, row);
        }
    }

    @Override
    void retract(int row) {
        if (retracts) {
            invoker.retract(acc, args, row);
        }
    }

    @Override
    void write(int outRow, int[] order, int from, int to) {
        Object current = acc;
        if (!retracts) {
            current = invoker.createAccumulator();
            for (int k = from; k < to; k++) {
                invoker.accumulate(current, args, order[k]);
            }
        }
        write(invoker, out, outRow, invoker.getValue(current));
    }

    /** Writes a function's result, naming the function when its Java class does not fit the result type. */
    static void write(UserAggregateInvoker invoker, ResultColumn out, int outRow, Object value) {
        try {
            out.setObject(outRow, value);
        } catch (ClassCastException e) {
            throw new TableException("user-defined aggregate function " + invoker.functionDescription()
                    + " returned a " + value.getClass().getName() + " for a result of type " + out.type, e);
        }
    }
}
