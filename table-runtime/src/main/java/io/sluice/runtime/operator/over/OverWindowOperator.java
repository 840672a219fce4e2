package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;

/**
 * OVER windows over a bounded input ({@code f(...) OVER (PARTITION BY .. ORDER BY .. ROWS|RANGE ..)}).
 * Output rows are every input column followed by one column per function, group after group (the
 * layout of Calcite's {@code Window} node).
 *
 * <p>The operator buffers its whole input. When the input ends, for each {@link OverGroupSpec} it sorts
 * the rows by partition and order keys, computes every row's frame ({@link FrameBounds}) and evaluates
 * the group's functions: ranking and offset functions from positions and peer groups, aggregates by
 * sliding over the frames (adding rows at the frame's end and retracting them at its start, so a
 * partition costs time linear in its size for COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE and LAST_VALUE;
 * floating-point sums are recomputed over the frame after a retraction). User-defined aggregate functions
 * ({@link OverFunctionKind#USER_DEFINED}) slide the same way through their {@code retract} method, or are fed each
 * row's whole frame when they have none; their function instances are opened in {@link #open} and closed in
 * {@link #close}. Rows are emitted in the sort
 * order of the last group, in batches of at most {@code table.exec.batch-size} rows.
 *
 * <p><b>Streaming semantics:</b> batch-mode only for now. Expects an insert-only bounded input and
 * emits insert-only rows once the input ends; keeps every input row in memory until then; forwards
 * watermarks. Streaming mode uses {@link StreamingOverAggregateOperator} instead (rows emitted as the
 * watermark passes their order-by time, with per-partition state).
 */
public final class OverWindowOperator implements StreamOperator {
    private final RowType inputType;
    private final List<OverGroupSpec> groups;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private RowBuffer buffer;
    private final List<ResultColumn> results = new ArrayList<>();
    /** The opened invoker of each user-defined function, in function order over the groups (null for the rest). */
    private final List<UserAggregateInvoker> userAggregates = new ArrayList<>();

    public OverWindowOperator(RowType inputType, List<OverGroupSpec> groups, RowType outputType) {
        int functions = 0;
        for (OverGroupSpec g : groups) {
            functions += g.functions().size();
        }
        if (outputType.size() != inputType.size() + functions) {
            throw new IllegalArgumentException("output type " + outputType + " must have the " + inputType.size()
                    + " input columns and " + functions + " function columns");
        }
        this.inputType = inputType;
        this.groups = List.copyOf(groups);
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.buffer = new RowBuffer(inputType, context.allocator());
        userAggregates.addAll(openUserAggregates(context, groups));
    }

    /** A new, opened invoker for each user-defined function of {@code groups}, in order (null for the others). */
    static List<UserAggregateInvoker> openUserAggregates(OperatorContext context, List<OverGroupSpec> groups) {
        List<UserAggregateInvoker> invokers = new ArrayList<>();
        for (OverGroupSpec g : groups) {
            for (OverFunctionSpec f : g.functions()) {
                UserAggregateInvoker invoker = f.userAggregate() == null ? null : f.userAggregate().newInstance();
                invokers.add(invoker);
                UserFunctionLifecycle.openUnchecked(context, invoker);
            }
        }
        return invokers;
    }

    /**
     * Slides the aggregate for {@code f} over the frames {@code [lo[k], hi[k]]} of {@code sorted}'s {@code rows}
     * buffer rows, writing {@code out}; {@code invoker} is the opened invoker of a user-defined {@code f}.
     */
    static void slide(OverFunctionSpec f, UserAggregateInvoker invoker, LogicalType[] inputTypes,
            ValueVector[] inputs, ResultColumn out, int rows, SortedGroup sorted, int[] lo, int[] hi,
            org.apache.arrow.memory.BufferAllocator allocator) {
        if (f.kind() != OverFunctionKind.USER_DEFINED) {
            slide(FrameAggregate.create(f, inputTypes, inputs, out, rows), sorted, lo, hi);
            return;
        }
        try (UserArgs args = new UserArgs(f, inputs, rows, allocator)) {
            slide(new UserFrameAggregate(invoker, args.vectors(), out), sorted, lo, hi);
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            buffer.append(batch);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        int n = buffer.rowCount();
        if (n == 0) {
            return;
        }
        List<FieldVector> vectors = buffer.vectors();
        ValueVector[] inputs = vectors.toArray(new ValueVector[0]);
        LogicalType[] inputTypes = inputType.types().toArray(new LogicalType[0]);
        int column = inputType.size();
        SortedGroup sorted = null;
        int[] lo = new int[n];
        int[] hi = new int[n];
        int function = 0;
        for (OverGroupSpec group : groups) {
            sorted = SortedGroup.sort(inputType, vectors, n, group.partitionFields(), group.orderKeys());
            boolean framesComputed = false;
            for (OverFunctionSpec f : group.functions()) {
                UserAggregateInvoker invoker = userAggregates.get(function++);
                ResultColumn out = newResult(column++, n);
                if (f.kind().ignoresFrame()) {
                    PositionFunctions.evaluate(f, sorted, inputTypes, inputs, out, context.allocator());
                } else {
                    if (!framesComputed) {
                        FrameBounds.compute(group, sorted, inputTypes, inputs, lo, hi);
                        framesComputed = true;
                    }
                    slide(f, invoker, inputTypes, inputs, out, n, sorted, lo, hi, context.allocator());
                }
                out.finish(n);
            }
        }
        emit(sorted.order, n);
        releaseResults();
        buffer.clear();
    }

    private ResultColumn newResult(int column, int rows) {
        LogicalType type = outputType.type(column);
        FieldVector v = ArrowTypes.toField(outputType.name(column), type).createVector(context.allocator());
        try {
            ResultColumn r = new ResultColumn(v, type, rows);
            results.add(r);
            return r;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    /**
     * Runs {@code agg} over the frames {@code [lo[k], hi[k]]} of every position, partition by partition
     * (also used by {@link StreamingOverAggregateOperator}).
     * Frames of ROWS and RANGE windows only move forward, so each row is added and retracted at most
     * once per partition; a frame that moves back (not produced by valid bounds) restarts the aggregate.
     */
    static void slide(FrameAggregate agg, SortedGroup g, int[] lo, int[] hi) {
        int[] order = g.order;
        int ps = 0;
        for (int pe : g.partitionEnds) {
            agg.reset();
            int r = ps; // oldest position in the aggregate
            int a = ps; // next position to add
            int prevLo = ps;
            int prevHi = ps - 1;
            for (int k = ps; k < pe; k++) {
                int l = lo[k];
                int h = hi[k];
                if (l < prevLo || h < prevHi) {
                    agg.reset();
                    r = l;
                    a = l;
                }
                while (r < a && r < l) {
                    agg.retract(order[r++]);
                }
                if (r == a) {
                    a = Math.max(a, l);
                    r = a;
                }
                while (a <= h) {
                    agg.add(order[a++]);
                }
                agg.write(order[k], order, r, a);
                prevLo = l;
                prevHi = h;
            }
            ps = pe;
        }
    }

    private void emit(int[] order, int n) throws Exception {
        List<FieldVector> vectors = buffer.vectors();
        int batchSize = context.batchSize();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            RowBatch out = RowBatch.allocate(outputType, context.allocator(), to - from);
            try {
                int c = 0;
                for (FieldVector v : vectors) {
                    VectorGather.gather(v, order, from, to, out.vector(c++), 0);
                }
                for (ResultColumn r : results) {
                    VectorGather.gather(r.vector, order, from, to, out.vector(c++), 0);
                }
                out.setRowCount(to - from);
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
            output.emit(out);
        }
    }

    private void releaseResults() {
        for (ResultColumn r : results) {
            r.close();
        }
        results.clear();
    }

    @Override
    public void close() {
        releaseResults();
        if (!userAggregates.isEmpty()) {
            UserFunctionLifecycle.closeUnchecked(userAggregates.toArray());
            userAggregates.clear();
        }
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
