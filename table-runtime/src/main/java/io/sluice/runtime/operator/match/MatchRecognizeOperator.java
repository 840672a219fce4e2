package io.sluice.runtime.operator.match;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.UserFunctionLifecycle;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;

/**
 * {@code MATCH_RECOGNIZE ... ONE ROW PER MATCH}: finds a row pattern per partition key and emits one row per
 * match (partition columns, then the measures).
 *
 * <p>Rows are kept per partition key. Ordered by an event-time attribute, a row waits in a buffer until the
 * watermark reaches its time; then the buffered rows of each key are sorted (time, further ORDER BY columns,
 * arrival) and fed to the {@link Nfa}. Ordered by processing time, rows are fed as they arrive. DEFINE
 * conditions and measures are generated code over a "navigation row" of values the {@link Navigation}s read
 * from the partial match.
 *
 * <p><b>Streaming semantics.</b> Input: insert-only; output: insert-only (a match is final once emitted). State
 * per key: rows waiting for the watermark, the rows of open partial matches, the partial matches, and completed
 * matches waiting for an earlier partial match; rows nothing references are dropped. {@code WITHIN} drops partial
 * matches once the watermark (or the row time; the clock when ordered by processing time) is that far past their
 * first row. A row at or behind the watermark on arrival is late: dropped and counted
 * ({@link #lateRowsDropped()}). Matches are emitted before the watermark that completed them is forwarded. When
 * the input ends, every buffered row is matched; partial matches are then discarded. Batch mode buffers
 * everything until the input ends (watermarks neither trigger matching nor make rows late). Restored at another
 * parallelism, an instance keeps the partitions the exchange (hashing the PARTITION BY columns) now routes to it.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * partitions live in the job's keyed-state backend ({@link KeyedMatchState}), so the waiting rows and partial matches
 * may be larger than the heap; a watermark reads only the partitions with rows or partial matches due at or before it.
 * The matches, late rows and watermarks are those of the heap path (matches of one watermark may come in another order
 * across partitions). A checkpoint then holds the watermark, the late-row count, a small index and the backend's
 * snapshot; it restores only under the same kind of backend.
 */
public final class MatchRecognizeOperator implements StreamOperator, RescalableOperator {
    private final MatchSpec spec;
    private final LongSupplier clock;
    private final RowType keyType;
    private final Nfa nfa;
    private final Map<List<Object>, PartitionState> partitions = new LinkedHashMap<>();
    private final List<Object[]> pendingOutput = new ArrayList<>();
    private OperatorContext context;
    private Output output;
    private BatchCalc derived;
    private BatchPredicate[] predicates;
    private RowBatch[] conditionRows;
    private int[] selection = new int[1];
    private BatchCalc measures;
    private UserAggregateEvaluator[] userAggregates = new UserAggregateEvaluator[0];
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Non-null when the job routes late rows to a table. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    private io.sluice.runtime.metrics.OperatorMetrics metrics =
            io.sluice.runtime.metrics.OperatorMetrics.detached("late rows");
    private long seq;
    private boolean batch;
    /** Non-null when the partitions live in a keyed-state backend (then {@code partitions} stays empty). */
    private KeyedMatchState keyed;
    /** The current batch's PARTITION BY vectors (for the exchange hash of a row's partition, in backend mode). */
    private FieldVector[] keyVectors;
    private int currentRow;

    public MatchRecognizeOperator(MatchSpec spec, LongSupplier clock) {
        this.spec = spec;
        this.clock = clock == null ? System::currentTimeMillis : clock;
        this.keyType = spec.inputType().project(spec.partitionKeys());
        this.nfa = new Nfa(spec.pattern(), spec.skip(), spec.withinMillis(), this::test);
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.batch = context.runtimeMode() == io.sluice.runtime.config.RuntimeMode.BATCH;
        this.derived = spec.derived() == null ? null : spec.derived().newInstance();
        this.measures = spec.measures().newInstance();
        userAggregates = new UserAggregateEvaluator[spec.userAggregates().size()];
        for (int i = 0; i < userAggregates.length; i++) {
            userAggregates[i] = new UserAggregateEvaluator(spec.userAggregates().get(i), context.allocator());
            UserFunctionLifecycle.openUnchecked(context, userAggregates[i].invoker());
        }
        int n = spec.conditions().size();
        predicates = new BatchPredicate[n];
        conditionRows = new RowBatch[n];
        for (int i = 0; i < n; i++) {
            DefineCondition c = spec.conditions().get(i);
            if (c != null) {
                predicates[i] = c.predicate().newInstance();
                conditionRows[i] = RowBatch.allocate(c.navigationType(), context.allocator(), 1);
            }
        }
        UserFunctionLifecycle.openUnchecked(context, derived, measures);
        UserFunctionLifecycle.openUnchecked(context, (Object[]) predicates);
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedMatchState(context, spec, keyType);
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the partitions are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    /** Rows dropped because the watermark had passed their time when they arrived. */
    public long lateRowsDropped() {
        return lateRows;
    }

    /** Rows held in state (waiting or referenced by partial matches), for metrics and tests. */
    public int stateRows() {
        int n = 0;
        for (PartitionState p : partitions.values()) {
            n += p.rowCount();
        }
        return n;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            RowBatch extra = derivedColumns(batch);
            try {
                RowType in = spec.inputType();
                int inputColumns = in.size();
                if (keyed != null) {
                    int[] keys = spec.partitionKeys();
                    keyVectors = new FieldVector[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        keyVectors[k] = keys[k] < inputColumns ? batch.vector(keys[k])
                                : extra.vector(keys[k] - inputColumns);
                    }
                }
                for (int r = 0; r < rows; r++) {
                    currentRow = r;
                    Object[] row = new Object[spec.storedType().size()];
                    for (int c = 0; c < inputColumns; c++) {
                        row[c] = VectorValues.get(in.type(c), batch.vector(c), r);
                    }
                    for (int c = inputColumns; c < row.length; c++) {
                        row[c] = VectorValues.get(spec.storedType().type(c), extra.vector(c - inputColumns), r);
                    }
                    if (!accept(row)) {
                        late(batch, r, row);
                    }
                }
                if (lateRouter != null) {
                    lateRouter.flush();
                }
                if (keyed != null) {
                    keyed.writeBack();
                }
            } finally {
                keyVectors = null;
                if (extra != null) {
                    extra.close();
                }
            }
        }
        flush();
    }

    private RowBatch derivedColumns(RowBatch batch) {
        if (derived == null) {
            return null;
        }
        RowType in = spec.inputType();
        RowType stored = spec.storedType();
        List<String> names = stored.names().subList(in.size(), stored.size());
        RowType extraType = new RowType(names, stored.types().subList(in.size(), stored.size()));
        RowBatch extra = RowBatch.allocate(extraType, context.allocator(), batch.rowCount());
        try {
            ValueVector[] outs = extra.root().getFieldVectors().toArray(new ValueVector[0]);
            derived.process(batch.root(), batch.rowCount(), outs);
            extra.setRowCount(batch.rowCount());
            return extra;
        } catch (RuntimeException e) {
            extra.close();
            throw e;
        }
    }

    /** Takes a row into its partition; false when it is late (no time, or at or behind the watermark). */
    private boolean accept(Object[] row) {
        Object t = row[spec.timeColumn()];
        if (t == null) {
            return false; // a row without time cannot be ordered
        }
        long time = millis(t);
        if (spec.rowtime() && time <= watermark && !batch) {
            return false;
        }
        PartitionState p = partition(row, !spec.rowtime());
        if (!spec.rowtime()) {
            match(p, row, time);
            return true;
        }
        p.pending.add(new PartitionState.Pending(row, time, seq++));
        return true;
    }

    /** Counts a late row (row {@code r} of {@code batch}) and hands it to the late-rows table, if the job has one. */
    private void late(RowBatch batch, int r, Object[] row) throws Exception {
        lateRows++;
        metrics.lateRecordsDropped(1);
        if (lateRouter != null) {
            Object t = row[spec.timeColumn()];
            lateRouter.add(batch, r, t == null ? io.sluice.runtime.operator.late.LateRows.NO_TIME : millis(t),
                    watermark);
        }
    }

    /** The partition of {@code row} (in backend mode: of the batch's current row; loaded when {@code toMatch}). */
    private PartitionState partition(Object[] row, boolean toMatch) {
        int[] keys = spec.partitionKeys();
        Object[] key = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            key[i] = row[keys[i]];
        }
        if (keyed != null) {
            io.sluice.runtime.state.RoutedKey routed = keyed.keyOf(key, KeyOwnership.keyHash(keyVectors, currentRow));
            return toMatch ? keyed.forMatching(routed) : keyed.forWaitingRows(routed, key);
        }
        return partitions.computeIfAbsent(lookupKey(key), k -> new PartitionState(key));
    }

    private static List<Object> lookupKey(Object[] key) {
        List<Object> lookup = new ArrayList<>(key.length);
        for (Object k : key) {
            lookup.add(k instanceof byte[] ? ByteBuffer.wrap((byte[]) k) : k);
        }
        return lookup;
    }

    private static long millis(Object t) {
        if (t instanceof LocalDateTime) {
            return ((LocalDateTime) t).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return ((Instant) t).toEpochMilli();
    }

    /** Feeds one row (in order) to the partition's automaton and collects the measures of its matches. */
    private void match(PartitionState p, Object[] row, long time) {
        long id = p.append(row);
        Nfa.Step step = nfa.process(p.computations, p, id, time);
        p.computations = step.computations();
        p.completed.addAll(step.matches());
        emit(p, false);
    }

    /** Emits the completed matches of {@code p} that are due (all of them when {@code all}). */
    private void emit(PartitionState p, boolean all) {
        for (Computation m : nfa.release(p.computations, p.completed, all)) {
            MatchView view = nfa.view(p, m);
            List<Navigation> navs = spec.measureNavigations();
            Object[] values = new Object[navs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = evaluate(navs.get(i), view, clock.getAsLong());
            }
            pendingOutput.add(values);
        }
        p.trim();
    }

    private Object evaluate(Navigation nav, MatchView view, long now) {
        return nav.kind() == Navigation.Kind.USER_AGGREGATE ? userAggregates[nav.column()].evaluate(view)
                : nav.evaluate(view, now);
    }

    /** The DEFINE condition of {@code element} over {@code view} (an element without one accepts every row). */
    private boolean test(int element, MatchView view) {
        BatchPredicate predicate = predicates[element];
        if (predicate == null) {
            return true;
        }
        DefineCondition c = spec.conditions().get(element);
        RowBatch navRow = conditionRows[element];
        List<Navigation> navs = c.navigations();
        long now = clock.getAsLong();
        for (int i = 0; i < navs.size(); i++) {
            FieldVector v = navRow.vector(i);
            if (v instanceof BaseVariableWidthVector) {
                v.reset();
            }
            VectorValues.set(c.navigationType().type(i), v, 0, evaluate(navs.get(i), view, now));
        }
        navRow.setRowCount(1);
        return predicate.filter(navRow.root(), 1, selection) > 0;
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        if (spec.rowtime() && !batch) {
            advance(newWatermark);
        }
        flush();
        out.emitWatermark(newWatermark);
    }

    /** Ordered by processing time with a WITHIN bound, partial matches also expire by the clock. */
    @Override
    public boolean wantsProcessingTime() {
        return !spec.rowtime() && spec.withinMillis() > 0 && !batch;
    }

    /** Drops the partial matches whose WITHIN bound the clock has reached, then emits what they held back. */
    @Override
    public void onProcessingTime(long nowMillis, Output out) throws Exception {
        long now = clock.getAsLong();
        if (keyed != null) {
            keyed.advance(now, (p, ready) -> advancePartition(p, ready, now));
            flush();
            return;
        }
        var it = partitions.values().iterator();
        while (it.hasNext()) {
            PartitionState p = it.next();
            p.computations = new ArrayList<>(nfa.advanceTime(p.computations, now));
            emit(p, false);
            if (p.isEmpty()) {
                it.remove();
            }
        }
        flush();
    }

    /** Matches every buffered row at or before {@code upTo}, then applies the time bound at {@code upTo}. */
    private void advance(long upTo) throws Exception {
        if (keyed != null) {
            keyed.advance(upTo, (p, ready) -> advancePartition(p, ready, upTo));
            return;
        }
        var it = partitions.values().iterator();
        while (it.hasNext()) {
            PartitionState p = it.next();
            List<PartitionState.Pending> ready = new ArrayList<>();
            p.pending.removeIf(r -> {
                if (r.time() <= upTo) {
                    ready.add(r);
                    return true;
                }
                return false;
            });
            advancePartition(p, ready, upTo);
            if (p.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Matches {@code ready} (rows of {@code p} at or before {@code upTo}), then applies the time bound at it. */
    private void advancePartition(PartitionState p, List<PartitionState.Pending> ready, long upTo) {
        if (!ready.isEmpty()) {
            List<PartitionState.Pending> sorted = new ArrayList<>(ready);
            sorted.sort(rowOrder());
            for (PartitionState.Pending r : sorted) {
                match(p, r.row(), r.time());
            }
        }
        boolean end = upTo == Long.MAX_VALUE;
        p.computations = end ? new ArrayList<>() : new ArrayList<>(nfa.advanceTime(p.computations, upTo));
        emit(p, end);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<PartitionState.Pending> rowOrder() {
        Comparator<PartitionState.Pending> order = Comparator.comparingLong(PartitionState.Pending::time);
        int[] cols = spec.sortColumns();
        for (int k = 0; k < cols.length; k++) {
            int col = cols[k];
            Comparator<Object> values = Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));
            Comparator<Object> dir = spec.sortDescending()[k] ? values.reversed() : values;
            order = order.thenComparing(r -> r.row()[col], dir);
        }
        return order.thenComparingLong(PartitionState.Pending::seq);
    }

    /** Projects the collected matches through the generated measures and emits them. */
    private void flush() throws Exception {
        if (pendingOutput.isEmpty()) {
            return;
        }
        int n = pendingOutput.size();
        RowType navType = spec.measureNavigationType();
        RowBatch out = null;
        try (RowBatch nav = RowBatch.allocate(navType, context.allocator(), n)) {
            for (int r = 0; r < n; r++) {
                Object[] values = pendingOutput.get(r);
                for (int c = 0; c < values.length; c++) {
                    VectorValues.set(navType.type(c), nav.vector(c), r, values[c]);
                }
            }
            nav.setRowCount(n);
            pendingOutput.clear();
            out = RowBatch.allocate(spec.outputType(), context.allocator(), n);
            ValueVector[] outs = out.root().getFieldVectors().toArray(new ValueVector[0]);
            int written = measures.process(nav.root(), n, outs);
            out.setRowCount(written);
        } catch (RuntimeException e) {
            if (out != null) {
                out.close();
            }
            throw e;
        }
        output.emit(out);
    }

    @Override
    public void endInput(int input) throws Exception {
        advance(Long.MAX_VALUE);
        flush();
    }

    @Override
    public void snapshotState(StateWriter out) throws Exception {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        out.writeLong(seq);
        if (keyed != null) {
            out.writeInt(BACKEND_STATE); // where the heap path's partition count is (never negative there)
            keyed.snapshot(out);
            return;
        }
        out.writeInt(partitions.size());
        for (PartitionState p : partitions.values()) {
            p.write(out, keyType, spec.storedType());
        }
    }

    @Override
    public void restoreState(StateReader in) throws Exception {
        watermark = in.readLong();
        lateRows = in.readLong();
        seq = in.readLong();
        int n = in.readInt();
        checkBackend(n);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        partitions.clear();
        for (int i = 0; i < n; i++) {
            PartitionState p = PartitionState.read(in, keyType, spec.storedType());
            partitions.put(lookupKey(p.key), p);
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the partitions this instance owns, each with its
     * waiting rows, partial and completed matches; the earliest of the snapshots' watermarks. New rows are numbered
     * after every restored one.
     */
    @Override
    public void restoreRescaled(List<StateReader> snapshots, KeyOwnership owned) throws Exception {
        long earliest = Long.MAX_VALUE;
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            seq = Math.max(seq, in.readLong());
            int n = in.readInt();
            checkBackend(n);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            List<PartitionState> states = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                states.add(PartitionState.read(in, keyType, spec.storedType()));
            }
            boolean[] mine = ownedPartitions(states, owned);
            for (int i = 0; i < n; i++) {
                if (mine[i]) {
                    partitions.put(lookupKey(states.get(i).key), states.get(i));
                }
            }
        }
        if (keyed != null) {
            keyed.restoreRescaled(snapshots, owned);
        }
        if (!snapshots.isEmpty()) {
            watermark = earliest;
        }
    }

    /** Marks a snapshot of backend state: a negative number where a heap snapshot has its partition count. */
    private static final int BACKEND_STATE = -1;

    /** Fails when a snapshot was taken under the other kind of state. */
    private void checkBackend(int partitionCount) {
        boolean backendState = partitionCount == BACKEND_STATE;
        if (backendState != (keyed != null)) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a MATCH_RECOGNIZE state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /** Which of {@code states} this instance owns: their keys as rows, hashed as the exchange hashes them. */
    private boolean[] ownedPartitions(List<PartitionState> states, KeyOwnership owned) {
        int n = states.size();
        boolean[] mine = new boolean[n];
        if (owned.routing() == KeyOwnership.Routing.ALL || n == 0) {
            java.util.Arrays.fill(mine, true);
            return mine;
        }
        try (RowBatch keys = RowBatch.allocate(keyType, context.allocator(), n)) {
            for (int r = 0; r < n; r++) {
                Object[] key = states.get(r).key;
                for (int c = 0; c < keyType.size(); c++) {
                    io.sluice.runtime.data.VectorValues.set(keyType.type(c), keys.vector(c), r, key[c]);
                }
            }
            keys.setRowCount(n);
            return owned.ownedRows(keys, spec.partitionKeys(), 0);
        }
    }

    @Override
    public void close() {
        if (conditionRows != null) {
            for (RowBatch b : conditionRows) {
                if (b != null) {
                    b.close();
                }
            }
            conditionRows = null;
        }
        if (predicates != null) {
            UserFunctionLifecycle.closeUnchecked((Object[]) predicates);
            UserFunctionLifecycle.closeUnchecked(derived, measures);
            predicates = null;
        }
        for (UserAggregateEvaluator u : userAggregates) {
            UserFunctionLifecycle.closeUnchecked(u.invoker());
            u.close();
        }
        userAggregates = new UserAggregateEvaluator[0];
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        partitions.clear();
        pendingOutput.clear();
    }

    @Override
    public String toString() {
        return "MatchRecognize(pattern=" + spec.pattern() + ")";
    }
}
