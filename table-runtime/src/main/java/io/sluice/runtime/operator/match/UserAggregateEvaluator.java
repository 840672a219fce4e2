package io.sluice.runtime.operator.match;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates one {@link UserAggregateCall} over the rows of a match: a fresh accumulator, every row of the
 * element folded in through the generated invoker (arguments written into one-row vectors), then its value.
 */
final class UserAggregateEvaluator implements AutoCloseable {
    private final UserAggregateCall call;
    private final UserAggregateInvoker invoker;
    private final RowBatch argRow;
    private final FieldVector[] args;

    UserAggregateEvaluator(UserAggregateCall call, BufferAllocator allocator) {
        this.call = call;
        this.invoker = call.invoker().newInstance();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < call.argTypes().size(); i++) {
            names.add("arg" + i);
        }
        this.argRow = RowBatch.allocate(new RowType(names, call.argTypes()), allocator, 1);
        this.args = argRow.root().getFieldVectors().toArray(new FieldVector[0]);
    }

    UserAggregateInvoker invoker() {
        return invoker;
    }

    Object evaluate(MatchView view) {
        Object acc = invoker.createAccumulator();
        int[] columns = call.argColumns();
        for (int i = 0; i < view.size(); i++) {
            if (call.element() >= 0 && view.element(i) != call.element()) {
                continue;
            }
            Object[] row = view.row(i);
            for (int a = 0; a < columns.length; a++) {
                if (args[a] instanceof BaseVariableWidthVector) {
                    args[a].reset();
                }
                VectorValues.set(call.argTypes().get(a), args[a], 0, row[columns[a]]);
            }
            argRow.setRowCount(1);
            invoker.accumulate(acc, args, 0);
        }
        return invoker.getValue(acc);
    }

    @Override
    public void close() {
        argRow.close();
    }
}
