package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.types.RowKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code groupBy(keys).flatAggregate(tableAggregate(args))} (no keys: one global group), as Flink's group table
 * aggregate: one accumulator of a user-defined table aggregate function per group; output rows are the group
 * columns (in {@code groupFields} order) followed by the columns of the rows the function emits.
 *
 * <p>Streaming mode, per input row, as Flink does: when the row's group has state, the rows the group emitted
 * last are retracted first ({@code -D} for each row {@code emitValue} gives for the accumulator before the
 * change); then the row is accumulated ({@code +I}, {@code +U}) or retracted ({@code -U}, {@code -D}, which needs
 * the function's {@code retract} method), and, unless that emptied the group, the group's new rows are emitted as
 * {@code +I}. A function with {@code emitUpdateWithRetract} emits its own changes instead ({@code collect} as
 * {@code +I}, {@code retract} as {@code -D}), and is also asked once more when its group becomes empty. A
 * retraction for a group without state is ignored. Batch mode folds every row and, at the end of the input,
 * emits each group's rows ({@code emitValue}) once as {@code +I}, groups in first-seen order.
 *
 * <p><b>Streaming semantics:</b> accepts any changelog (updates and deletions only when the function can
 * retract); produces {@code [I,D]}. State: per group, its key, a row counter and the function's accumulator,
 * dropped when retractions bring the counter to zero. With {@code table.exec.state.ttl} set, a group's state expires
 * when no row has changed it for that long in processing time, as Flink's state TTL does: an expired group behaves
 * as absent (its next row emits only new rows, nothing is retracted for it, and a retraction for it is ignored), and
 * an incremental cleanup after each batch frees a bounded number of expired groups. A checkpoint writes them all (keys as Arrow columns,
 * accumulators by Java serialization, or as POJOs), a restore reads them back, also at another parallelism (each
 * instance keeps the groups whose keys it now owns). Watermarks are forwarded unchanged. The function
 * instance is opened in {@link #open} and closed in {@link #close}.
 */
public final class GroupTableAggregateOperator implements StreamOperator, RescalableOperator {
    private final RowType inputType;
    private final int[] groupFields;
    private final int[] argFields;
    private final GeneratedClass<UserAggregateInvoker> generated;
    private final RowType resultType;
    private final RowType outputType;
    private final boolean streaming;

    private OperatorContext context;
    private Output output;
    private TableAggregateInvoker invoker;
    private TableAggregateEmitter emitter;
    /** First-seen order; with a state TTL, least recently written first (for the incremental cleanup). */
    private Map<GroupKey, Group> groups = new LinkedHashMap<>();
    private LongSupplier clock = System::currentTimeMillis;
    private StateTtl ttl;
    /** The processing time of the batch being processed. */
    private long now;
    private TableAggregateRows pending;

    /**
     * A table aggregate over {@code inputType} grouped by {@code groupFields}, calling the function of
     * {@code invoker} (a {@link TableAggregateInvoker}) with the columns {@code argFields}; the function emits rows
     * of {@code resultType}; {@code outputType} is the group columns followed by {@code resultType}'s.
     */
    public GroupTableAggregateOperator(RowType inputType, int[] groupFields, int[] argFields,
            GeneratedClass<UserAggregateInvoker> invoker, RowType resultType, RowType outputType, boolean streaming) {
        if (outputType.size() != groupFields.length + resultType.size()) {
            throw new IllegalArgumentException("output type " + outputType + " does not have " + groupFields.length
                    + " group columns and the " + resultType.size() + " result columns of " + resultType);
        }
        this.inputType = inputType;
        this.groupFields = groupFields.clone();
        this.argFields = argFields.clone();
        this.generated = invoker;
        this.resultType = resultType;
        this.outputType = outputType;
        this.streaming = streaming;
    }

    @Override
    public void open(OperatorContext context, Output output) throws Exception {
        this.context = context;
        this.output = output;
        this.ttl = StateTtl.of(context.config(), clock);
        if (streaming && ttl.enabled()) {
            groups = new LinkedHashMap<>(16, 0.75f, true);
        }
        UserAggregateInvoker created = generated.newInstance();
        if (!(created instanceof TableAggregateInvoker)) {
            throw new IllegalArgumentException(created.functionDescription() + " is not a table aggregate function");
        }
        invoker = (TableAggregateInvoker) created;
        emitter = new TableAggregateEmitter(invoker.function(), invoker.functionDescription(), resultType);
        pending = new TableAggregateRows(outputType, invoker.functionDescription());
        UserFunctionLifecycle.open(context, invoker);
    }

    /** The processing-time clock of the state TTL (tests use a fake one); call before {@link #open}. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            now = ttl.now();
            FieldVector[] args = new FieldVector[argFields.length];
            for (int j = 0; j < args.length; j++) {
                args[j] = batch.vector(argFields[j]);
            }
            for (int row = 0; row < rows; row++) {
                processRow(batch, args, row);
            }
            expireIncrementally(rows);
        }
        flush();
    }

    /** Frees the state of expired groups, least recently written first, a bounded number per batch. */
    private void expireIncrementally(int rows) {
        if (!streaming || !ttl.enabled()) {
            return;
        }
        int budget = ttl.cleanupBudget(rows);
        java.util.Iterator<Group> it = groups.values().iterator();
        while (budget-- > 0 && it.hasNext()) {
            if (!ttl.isExpired(it.next().lastWrite, now)) {
                break;
            }
            it.remove();
        }
    }

    private void processRow(RowBatch batch, FieldVector[] args, int row) {
        boolean accumulate = batch.rowKind(row).isAccumulate();
        if (!accumulate && !invoker.canRetract()) {
            throw new UnsupportedFeatureException("table aggregate function " + invoker.functionDescription()
                    + " over an updating input: it has no retract method for these arguments");
        }
        Object[] keyValues = new Object[groupFields.length];
        for (int k = 0; k < groupFields.length; k++) {
            keyValues[k] = VectorValues.get(inputType.type(groupFields[k]), batch.vector(groupFields[k]), row);
        }
        GroupKey key = new GroupKey(keyValues);
        Group group = groups.get(key);
        if (group != null && streaming && ttl.isExpired(group.lastWrite, now)) {
            // expired state behaves as absent, as with Flink's state TTL: nothing is retracted for it
            groups.remove(key);
            group = null;
        }
        if (group == null) {
            if (!accumulate) {
                return;
            }
            group = new Group(invoker.createAccumulator());
            groups.put(key, group);
        } else if (streaming && !emitter.incremental()) {
            emitter.emitAll(group.acc, RowKind.DELETE, (kind, values) -> pending.add(kind, keyValues, values));
        }
        group.lastWrite = now;
        if (accumulate) {
            invoker.accumulate(group.acc, args, row);
            group.count++;
        } else {
            invoker.retract(group.acc, args, row);
            group.count--;
        }
        if (!streaming) {
            return;
        }
        if (emitter.incremental()) {
            emitter.emitChanges(group.acc, (kind, values) -> pending.add(kind, keyValues, values));
        } else if (group.count > 0) {
            emitter.emitAll(group.acc, RowKind.INSERT, (kind, values) -> pending.add(kind, keyValues, values));
        }
        if (group.count <= 0) {
            groups.remove(key);
        }
    }

    /** Emits the rows collected so far as one batch. */
    private void flush() throws Exception {
        pending.emit(context.allocator(), output);
    }

    @Override
    public void endInput(int input) throws Exception {
        if (streaming) {
            return;
        }
        for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
            Object[] key = e.getKey().values;
            emitter.emitAll(e.getValue().acc, RowKind.INSERT, (kind, values) -> pending.add(kind, key, values));
            if (pending.size() >= context.batchSize()) {
                flush();
            }
        }
        flush();
    }

    /** The number of groups with state, for tests and metrics. */
    public int groupCount() {
        return groups.size();
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        int n = groups.size();
        out.writeInt(n);
        Object[] accs = new Object[n];
        long[] counts = new long[n];
        long[] writes = new long[n];
        RowType keyType = inputType.project(groupFields);
        try (RowBatch keys = RowBatch.allocate(keyType, context.allocator(), Math.max(n, 1))) {
            int i = 0;
            for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
                for (int k = 0; k < groupFields.length; k++) {
                    VectorValues.set(keyType.type(k), keys.vector(k), i, e.getKey().values[k]);
                }
                counts[i] = e.getValue().count;
                writes[i] = e.getValue().lastWrite;
                accs[i++] = e.getValue().acc;
            }
            keys.setRowCount(n);
            if (groupFields.length > 0) {
                out.writeBatch(keys);
            }
        }
        out.writeLongs(counts, n);
        out.writeLongs(writes, n);
        out.writeBytes(AccumulatorSerializer.write(accs, n, invoker.functionDescription()));
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        groups.clear();
        restore(in, null);
    }

    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws IOException {
        groups.clear();
        for (StateReader in : snapshots) {
            restore(in, owned);
        }
    }

    /**
     * Adds the groups of one snapshot of {@link #snapshotState} whose keys {@code owned} accepts (all when it is null)
     * to those restored so far: a window table aggregate restores each window's groups from every earlier instance.
     */
    public void restoreOwned(StateReader in, KeyOwnership owned) throws IOException {
        restore(in, owned);
    }

    /** Adds the groups of one snapshot (those {@code owned} accepts, or all when it is null). */
    private void restore(StateReader in, KeyOwnership owned) throws IOException {
        int n = in.readInt();
        RowType keyType = inputType.project(groupFields);
        List<Object[]> keys = new ArrayList<>(n);
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        if (groupFields.length > 0) {
            try (RowBatch batch = in.readBatch(keyType, context.allocator())) {
                if (owned != null) {
                    keep = owned.ownedRows(batch, groupFields, 0);
                }
                for (int i = 0; i < n; i++) {
                    Object[] key = new Object[groupFields.length];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = VectorValues.get(keyType.type(k), batch.vector(k), i);
                    }
                    keys.add(key);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                keys.add(new Object[0]);
            }
        }
        long[] counts = in.readLongs();
        long[] writes = in.readLongs();
        Object[] accs = AccumulatorSerializer.read(in.readBytes(), invoker.function().getClass().getClassLoader());
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                Group g = new Group(accs[i]);
                g.count = counts[i];
                g.lastWrite = writes[i];
                groups.put(new GroupKey(keys.get(i)), g);
            }
        }
    }

    @Override
    public void close() throws Exception {
        groups.clear();
        pending = null;
        if (invoker != null) {
            TableAggregateInvoker toClose = invoker;
            invoker = null;
            UserFunctionLifecycle.close(toClose);
        }
    }

    /** A group key: its column values, compared by content (arrays included). */
    private static final class GroupKey {
        final Object[] values;
        private final int hash;

        GroupKey(Object[] values) {
            this.values = values;
            this.hash = Arrays.deepHashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey && Arrays.deepEquals(values, ((GroupKey) o).values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** One group's accumulator and the number of rows folded into it (minus those retracted). */
    private static final class Group {
        final Object acc;
        long count;
        /** The processing time of the last row folded in (for the state TTL). */
        long lastWrite;

        Group(Object acc) {
            this.acc = acc;
        }
    }
}
