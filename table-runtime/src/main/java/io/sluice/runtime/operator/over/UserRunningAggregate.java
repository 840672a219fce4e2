package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.aggregate.UserAccumulators;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ValueVector;

/**
 * A user-defined aggregate function over frames from UNBOUNDED PRECEDING in a streaming OVER aggregation: one
 * accumulator per partition slot, created when the partition's first row enters; checkpoints hold the accumulators
 * (see {@link UserAccumulators}). The invoker is opened and closed by the operator.
 */
final class UserRunningAggregate extends RunningAggregate {
    private final OverFunctionSpec spec;
    private final UserAggregateInvoker invoker;
    private final BufferAllocator allocator;
    private UserArgs args;
    private Object[] accs = new Object[0];

    UserRunningAggregate(OverFunctionSpec spec, UserAggregateInvoker invoker, BufferAllocator allocator) {
        super(-1);
        this.spec = spec;
        this.invoker = invoker;
        this.allocator = allocator;
    }

    @Override
    void ensureCapacity(int slots) {
        if (accs.length < slots) {
            accs = Arrays.copyOf(accs, grow(accs.length, slots));
        }
    }

    @Override
    void bind(ValueVector[] inputs) {
        endFiring(0);
        args = new UserArgs(spec, inputs, inputs.length == 0 ? 0 : inputs[0].getValueCount(), allocator);
    }

    @Override
    void add(int slot, int row) {
        invoker.accumulate(accumulator(slot), args.vectors(), row);
    }

    @Override
    void write(int slot, ResultColumn out, int outRow) {
        UserFrameAggregate.write(invoker, out, outRow, invoker.getValue(accumulator(slot)));
    }

    private Object accumulator(int slot) {
        if (accs[slot] == null) {
            accs[slot] = invoker.createAccumulator();
        }
        return accs[slot];
    }

    @Override
    void endFiring(int slots) {
        if (args != null) {
            args.close();
            args = null;
        }
    }

    @Override
    public void close() {
        endFiring(0);
    }

    @Override
    void snapshot(StateWriter out, int slots) throws IOException {
        out.writeBytes(UserAccumulators.write(accs, slots, invoker));
    }

    @Override
    void snapshotSlot(StateWriter out, int slot) throws IOException {
        out.writeBytes(UserAccumulators.write(new Object[] {slot < accs.length ? accs[slot] : null}, 1, invoker));
    }

    @Override
    void restore(StateReader in, int slots) throws IOException {
        Object[] restored = UserAccumulators.read(in.readBytes(), invoker);
        System.arraycopy(restored, 0, accs, 0, Math.min(slots, restored.length));
    }

    @Override
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        StateRemap.copy(UserAccumulators.read(in.readBytes(), invoker), target, accs);
    }
}
