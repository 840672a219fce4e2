package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * A user-defined aggregate function in a streaming group aggregation: one accumulator object per group;
 * {@code +I/+U} rows call the function's {@code accumulate}, {@code -U/-D} rows its {@code retract} (a
 * function without {@code retract} fails on the first retraction; the planner rejects such plans earlier
 * when it knows the input is updating). The operator passes the argument vectors of the current batch
 * (NULL arguments included: the invoker applies the function's NULL semantics).
 */
final class RetractableObjectAccumulator extends RetractableAccumulator {
    private final UserAggregateInvoker invoker;
    private final LogicalType resultType;
    private Object[] accs = new Object[0];
    private boolean closed;

    /** @param invoker an opened invoker; this accumulator closes it */
    RetractableObjectAccumulator(UserAggregateInvoker invoker, LogicalType resultType) {
        this.invoker = invoker;
        this.resultType = resultType;
    }

    @Override
    void ensureCapacity(int groups) {
        if (accs.length < groups) {
            accs = Arrays.copyOf(accs, Accumulator.newCapacity(accs.length, groups));
        }
    }

    @Override
    void add(int group, FieldVector arg, int row) {
        throw new IllegalStateException("a user-defined aggregate takes its arguments as an array");
    }

    @Override
    void retract(int group, FieldVector arg, int row) {
        throw new IllegalStateException("a user-defined aggregate takes its arguments as an array");
    }

    /** Folds row {@code row} of the argument vectors into group {@code group}. */
    void add(int group, FieldVector[] args, int row) {
        invoker.accumulate(accumulator(group), args, row);
    }

    /** Takes row {@code row} of the argument vectors back out of group {@code group}. */
    void retract(int group, FieldVector[] args, int row) {
        if (!invoker.canRetract()) {
            throw new TableException("User-defined aggregate function " + invoker.functionDescription()
                    + " has no retract method for its accumulate signature, but its input contains updates or"
                    + " deletes (-U/-D); add a public retract(ACC, ...) method.");
        }
        invoker.retract(accumulator(group), args, row);
    }

    private Object accumulator(int group) {
        Object acc = accs[group];
        if (acc == null) {
            acc = invoker.createAccumulator();
            accs[group] = acc;
        }
        return acc;
    }

    @Override
    void write(int group, FieldVector out, int pos) {
        Object value = invoker.getValue(accumulator(group));
        try {
            VectorValues.set(resultType, out, pos, value);
        } catch (ClassCastException e) {
            throw new TableException("user-defined aggregate function " + invoker.functionDescription()
                    + " returned a " + value.getClass().getName() + " for a result of type " + resultType, e);
        }
    }

    @Override
    void clear(int group) {
        accs[group] = null;
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeBytes(AccumulatorSerializer.write(accs, groups, invoker.functionDescription()));
    }

    @Override
    void restore(StateReader in) throws IOException {
        accs = AccumulatorSerializer.read(in.readBytes(), invoker.getClass().getClassLoader());
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        io.sluice.runtime.state.StateRemap.copy(
                AccumulatorSerializer.read(in.readBytes(), invoker.getClass().getClassLoader()), target, accs);
    }

    @Override
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            invoker.closeFunctions();
        } catch (Exception e) {
            throw new TableException("closing user-defined aggregate function " + invoker.functionDescription()
                    + " failed: " + e, e);
        }
    }

    @Override
    void writeGroup(int group, StateWriter out) throws IOException {
        out.writeBytes(AccumulatorSerializer.write(new Object[] {accs[group]}, 1, invoker.functionDescription()));
    }

    @Override
    void readGroup(int group, StateReader in) throws IOException {
        accs[group] = AccumulatorSerializer.read(in.readBytes(), invoker.getClass().getClassLoader())[0];
    }
}
