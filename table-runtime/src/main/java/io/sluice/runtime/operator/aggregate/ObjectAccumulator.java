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
 * A user-defined aggregate function in hash aggregation: one accumulator object (of the function's
 * accumulator class) per group, created when the group appears, folded a batch at a time by the generated
 * {@link UserAggregateInvoker} (one typed loop, direct {@code accumulate} calls). Results are the function's
 * {@code getValue}, converted from its Java class into the result type. The function instance is opened by
 * the operator and closed by {@link #close()}.
 */
final class ObjectAccumulator extends Accumulator {
    private final UserAggregateInvoker invoker;
    private final LogicalType resultType;
    private Object[] accs = new Object[0];
    private int created;
    /** Whether {@link #close()} closes the function (false when an operator shares it between accumulators). */
    private final boolean ownsInvoker;
    private boolean closed;

    /** @param invoker an opened invoker; this accumulator closes it when {@code ownsInvoker} */
    ObjectAccumulator(UserAggregateInvoker invoker, LogicalType resultType, boolean ownsInvoker) {
        this.invoker = invoker;
        this.resultType = resultType;
        this.ownsInvoker = ownsInvoker;
    }

    @Override
    void ensureCapacity(int groups) {
        if (accs.length < groups) {
            accs = Arrays.copyOf(accs, newCapacity(accs.length, groups));
        }
        for (; created < groups; created++) {
            if (accs[created] == null) {
                accs[created] = invoker.createAccumulator();
            }
        }
    }

    @Override
    void accumulate(int[] groupIds, FieldVector arg, int rows) {
        throw new IllegalStateException("a user-defined aggregate takes its arguments as an array");
    }

    /** Folds rows {@code [0, rows)} of the argument vectors into their groups (negative id: skipped). */
    void accumulate(int[] groupIds, FieldVector[] args, int rows) {
        invoker.accumulateBatch(accs, groupIds, args, rows);
    }

    @Override
    void write(int firstGroup, int count, FieldVector out) {
        for (int i = 0; i < count; i++) {
            Object value = invoker.getValue(accs[firstGroup + i]);
            try {
                VectorValues.set(resultType, out, i, value);
            } catch (ClassCastException e) {
                throw new TableException("user-defined aggregate function " + invoker.functionDescription()
                        + " returned a " + value.getClass().getName() + " for a result of type " + resultType, e);
            }
        }
    }

    @Override
    void snapshot(StateWriter out, int groups) throws IOException {
        out.writeBytes(AccumulatorSerializer.write(accs, groups, invoker.functionDescription()));
    }

    @Override
    void restore(StateReader in) throws IOException {
        accs = AccumulatorSerializer.read(in.readBytes(), invoker.getClass().getClassLoader());
        created = 0;
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        io.sluice.runtime.state.StateRemap.copy(
                AccumulatorSerializer.read(in.readBytes(), invoker.getClass().getClassLoader()), target, accs);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ownsInvoker) {
            return;
        }
        try {
            invoker.closeFunctions();
        } catch (Exception e) {
            throw new TableException("closing user-defined aggregate function " + invoker.functionDescription()
                    + " failed: " + e, e);
        }
    }
}
