package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The SESSION window table function ({@code TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap))}):
 * rows of one partition key whose time attributes are at most {@code gap} apart form one session
 * {@code [first ts, last ts + gap)} (as in Flink, sessions that just touch merge). A session is only known once no
 * later row can extend it, so rows are held until the watermark passes the session's last millisecond; then the
 * session's rows are emitted with {@code window_start}, {@code window_end} and {@code window_time} (= end - 1 ms)
 * appended, before the watermark is forwarded (a window aggregation downstream then fires the session). Rows with a
 * NULL time attribute, and rows whose session would already have closed (late rows: the row's own interval closed
 * and it touches no open session of its key), are dropped; {@link #lateRowsDropped()} counts the late ones.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output; state is the rows of every open session
 * (saved by checkpoints) and the current watermark. When the input ends every session closes.
 *
 * <p><b>State in a backend.</b> With {@code state.backend.type} other than {@code hashmap} (e.g. {@code rocksdb}), the
 * rows of the open sessions and the sessions themselves live in the job's keyed-state backend, per partition key
 * ({@link KeyedSessions}), so they may be larger than the heap; a watermark reads only the keys whose sessions may
 * close. The emitted rows, the late-row handling and the watermark are those of the heap path (rows of one firing may
 * come in another order). A checkpoint then holds the watermark, the late-row count, a small index and the backend's
 * snapshot; it restores only under the same kind of backend.
 */
public final class SessionWindowOperator implements StreamOperator, io.sluice.runtime.state.RescalableOperator {
    private final RowType inputType;
    private final int timeField;
    private final long gap;
    private final int[] partitionFields;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    /** The rows of every open session, in arrival order. */
    private RowBuffer pending;
    /** Per pending row: the id of its partition key (in {@link #keys}, or 0 when unpartitioned). */
    private int[] rowKeys = new int[64];
    /** Dense ids for partition keys; null when the window has no PARTITION BY. */
    private KeyHashTable keys;
    /** Per key id: its open sessions (null for a key whose sessions all closed). */
    private OpenSessions[] sessions = new OpenSessions[64];
    private int keysWithSessions;
    private final SessionSchedule schedule = new SessionSchedule();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;
    /** Counts the late rows dropped into the instance's {@code numLateRecordsDropped}. */
    private OperatorMetrics metrics = OperatorMetrics.detached("late rows");
    /** Non-null when the job routes late rows to a table: hands them to the late-rows side output. */
    private io.sluice.runtime.operator.late.LateRowRouter lateRouter;
    /** Non-null when the open sessions live in a keyed-state backend (then the heap fields stay empty). */
    private KeyedSessions keyed;

    public SessionWindowOperator(RowType inputType, int timeField, long gapMillis, int[] partitionFields,
            RowType outputType) {
        if (gapMillis <= 0) {
            throw new IllegalArgumentException("session gap must be positive: " + gapMillis);
        }
        this.inputType = inputType;
        this.timeField = timeField;
        this.gap = gapMillis;
        this.partitionFields = partitionFields.clone();
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.metrics = context.metrics();
        this.lateRouter = io.sluice.runtime.operator.late.LateRowRouter.open(context);
        this.context = context;
        this.output = output;
        this.pending = new RowBuffer(inputType, context.allocator());
        this.keys = newKeyTable();
        if (io.sluice.runtime.state.KeyedSlotState.usesBackend(context.config())) {
            keyed = new KeyedSessions(context, inputType, timeField, gap, partitionFields, outputType);
        }
    }

    /** Bytes of state kept in a state backend (on disk for RocksDB), or -1 when the sessions are on the heap. */
    public long backendStateBytes() {
        return keyed != null ? keyed.stateSizeBytes() : -1;
    }

    private KeyHashTable newKeyTable() {
        return partitionFields.length == 0 ? null
                : KeyHashTable.forGrouping(context.allocator(), inputType.project(partitionFields).types());
    }

    /** Rows dropped because their session had already closed. */
    public long lateRowsDropped() {
        return lateRows;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a SESSION window over an updating input");
            }
            int rows = batch.rowCount();
            TimeStampVector time = (TimeStampVector) batch.vector(timeField);
            int[] keep = new int[rows];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (!time.isNull(i)) {
                    keep[n++] = i;
                }
            }
            if (n == rows) {
                admit(batch, true);
            } else if (n > 0) {
                try (RowBatch kept = VectorGather.gatherRows(batch, keep, 0, n, context.allocator())) {
                    admit(kept, true);
                }
            }
        }
    }

    /**
     * Whether a row at {@code time} is late: its own interval {@code [time, time + gap)} closed already
     * ({@code time + gap - 1 <= watermark}) and it touches none of its key's open sessions {@code open} (null: none).
     * As in Flink, the row's window is merged first and only a merged window that already closed is late.
     */
    private boolean isLate(long time, OpenSessions open) {
        return time + gap - 1 <= watermark && (open == null || !open.touches(time, gap));
    }

    /** Drops late rows: counts them and hands them to the late-rows side output when the job routes them. */
    private final class LateRows {
        private final RowBatch batch;
        private long count;

        LateRows(RowBatch batch) {
            this.batch = batch;
        }

        void add(int row, long time) throws Exception {
            count++;
            if (lateRouter != null) {
                lateRouter.add(batch, row, time, watermark);
            }
        }

        void finish() throws Exception {
            if (count > 0) {
                lateRows += count;
                metrics.lateRecordsDropped(count);
                if (lateRouter != null) {
                    lateRouter.flush();
                }
            }
        }
    }

    /**
     * Adds rows (none with a NULL time) to the sessions of their keys and to the pending rows, in row order; with
     * {@code dropLate} (new input, not restored state) a late row is dropped instead (see {@link #isLate}).
     */
    private void admit(RowBatch rows, boolean dropLate) throws Exception {
        int n = rows.rowCount();
        if (n == 0) {
            return;
        }
        LateRows late = new LateRows(rows);
        if (keyed != null) {
            keyed.admit(rows, dropLate ? watermark : Long.MIN_VALUE, late::add);
            late.finish();
            return;
        }
        int base = pending.rowCount();
        if (base + n > rowKeys.length) {
            rowKeys = Arrays.copyOf(rowKeys, Math.max(base + n, rowKeys.length * 2));
        }
        int[] ids = new int[n];
        if (keys != null) {
            keys.findOrInsert(KeyHashTable.columnsOf(rows, partitionFields), n, ids);
        }
        int keyCount = keys == null ? 1 : keys.size();
        if (keyCount > sessions.length) {
            sessions = Arrays.copyOf(sessions, Math.max(keyCount, sessions.length * 2));
        }
        schedule.ensureKeys(keyCount);
        TimeStampVector time = (TimeStampVector) rows.vector(timeField);
        int[] kept = new int[n];
        int keptCount = 0;
        for (int i = 0; i < n; i++) {
            int key = ids[i];
            long t = time.get(i);
            OpenSessions open = sessions[key];
            if (dropLate && isLate(t, open)) {
                late.add(i, t);
                continue;
            }
            if (open == null) {
                open = sessions[key] = new OpenSessions();
            }
            if (open.size() == 0) {
                keysWithSessions++;
            }
            open.add(t, gap);
            long earliest = open.size() == 1 ? open.end(0) : open.earliestEnd();
            schedule.schedule(key, earliest); // a no-op unless this key now has an earlier-ending session
            rowKeys[base + keptCount] = key;
            kept[keptCount++] = i;
        }
        late.finish();
        if (keptCount == n) {
            pending.append(rows);
        } else if (keptCount > 0) {
            try (RowBatch keptRows = VectorGather.gatherRows(rows, kept, 0, keptCount, context.allocator())) {
                pending.append(keptRows);
            }
        }
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        fire(newWatermark);
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        fire(Long.MAX_VALUE);
    }

    /**
     * Emits every session whose last millisecond is at or before {@code wm} and drops its rows. Only keys whose
     * earliest session end the watermark passed are looked at; when a session closes, the pending rows are scanned
     * once to split them into the closed sessions' rows (emitted by key, in the order the keys first appear among
     * the pending rows, then by time) and the rest.
     */
    private void fire(long wm) throws Exception {
        if (keyed != null) {
            keyed.fire(wm, output);
            return;
        }
        long reach = wm == Long.MAX_VALUE ? Long.MAX_VALUE : wm + 1; // closes when end - 1 <= wm
        if (!schedule.hasEntryEndingBy(reach)) {
            return;
        }
        OpenSessions[] closed = new OpenSessions[sessions.length];
        int closedKeys = 0;
        while (schedule.hasEntryEndingBy(reach)) {
            int key = schedule.pollLive();
            if (key < 0) {
                continue;
            }
            OpenSessions open = sessions[key];
            OpenSessions done = new OpenSessions();
            open.closeUpTo(wm, done);
            if (done.size() > 0) {
                closed[key] = done;
                closedKeys++;
            }
            if (open.size() > 0) {
                schedule.schedule(key, open.earliestEnd());
            } else {
                keysWithSessions--;
            }
        }
        if (closedKeys == 0) {
            return;
        }
        int rows = pending.rowCount();
        TimeStampVector time = (TimeStampVector) pending.vectors().get(timeField);
        int[] fired = new int[rows];
        int firedCount = 0;
        int[] remaining = new int[rows];
        int remainingCount = 0;
        int[] firstPosition = new int[sessions.length];
        Arrays.fill(firstPosition, -1);
        for (int r = 0; r < rows; r++) {
            int key = rowKeys[r];
            if (firstPosition[key] < 0) {
                firstPosition[key] = r;
            }
            OpenSessions done = closed[key];
            if (done != null && done.indexOf(time.get(r)) >= 0) {
                fired[firedCount++] = r;
            } else {
                remaining[remainingCount++] = r;
            }
        }
        IntSorter.sort(fired, 0, firedCount, (a, b) -> {
            int ka = firstPosition[rowKeys[a]];
            int kb = firstPosition[rowKeys[b]];
            return ka != kb ? Integer.compare(ka, kb) : Long.compare(time.get(a), time.get(b));
        });
        long[] starts = new long[firedCount];
        long[] ends = new long[firedCount];
        for (int k = 0; k < firedCount; k++) {
            OpenSessions done = closed[rowKeys[fired[k]]];
            int s = done.indexOf(time.get(fired[k]));
            starts[k] = done.start(s);
            ends[k] = done.end(s);
        }
        int batchSize = context.batchSize();
        for (int from = 0; from < firedCount; from += batchSize) {
            int to = Math.min(firedCount, from + batchSize);
            output.emit(sessionRows(fired, starts, ends, from, to));
        }
        pending.keepOnly(remaining, remainingCount);
        for (int k = 0; k < remainingCount; k++) {
            rowKeys[k] = rowKeys[remaining[k]];
        }
        renumberKeysIfSparse();
    }

    /**
     * Keys whose sessions all closed keep their ids; when they outnumber the keys with open sessions four to one,
     * the key table is built anew from the pending rows so that it does not grow with every key ever seen.
     */
    private void renumberKeysIfSparse() {
        int keyCount = keys == null ? 1 : keys.size();
        if (keys == null || keyCount < 1024 || keysWithSessions * 4L > keyCount) {
            return;
        }
        KeyHashTable fresh = newKeyTable();
        int rows = pending.rowCount();
        int[] ids = new int[rows];
        FieldVector[] columns = new FieldVector[partitionFields.length];
        for (int k = 0; k < partitionFields.length; k++) {
            columns[k] = pending.vectors().get(partitionFields[k]);
        }
        fresh.findOrInsert(columns, rows, ids);
        OpenSessions[] moved = new OpenSessions[Math.max(64, fresh.size())];
        schedule.clear();
        schedule.ensureKeys(moved.length);
        for (int r = 0; r < rows; r++) {
            int newKey = ids[r];
            if (moved[newKey] == null) {
                moved[newKey] = sessions[rowKeys[r]];
                schedule.schedule(newKey, moved[newKey].earliestEnd());
            }
            rowKeys[r] = newKey;
        }
        keys.close();
        keys = fresh;
        sessions = moved;
    }

    private RowBatch sessionRows(int[] rows, long[] starts, long[] ends, int from, int to) {
        int n = to - from;
        RowBatch out = RowBatch.allocate(outputType, context.allocator(), n);
        try {
            List<FieldVector> in = pending.vectors();
            for (int c = 0; c < inputType.size(); c++) {
                VectorGather.gather(in.get(c), rows, from, to, out.vector(c), 0);
            }
            int base = inputType.size();
            TimeStampVector start = (TimeStampVector) out.vector(base);
            TimeStampVector end = (TimeStampVector) out.vector(base + 1);
            TimeStampVector windowTime = (TimeStampVector) out.vector(base + 2);
            for (int k = 0; k < n; k++) {
                start.setSafe(k, starts[from + k]);
                end.setSafe(k, ends[from + k]);
                windowTime.setSafe(k, ends[from + k] - 1);
            }
            out.setRowCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        if (keyed != null) {
            out.writeBytes(BACKEND_STATE); // where the heap path's rows are (never empty bytes there)
            keyed.snapshot(out);
            return;
        }
        out.writeColumns(inputType, new ArrayList<>(pending.vectors()), pending.rowCount());
    }

    /** Marks a snapshot of backend state: empty bytes where a heap snapshot has its rows as an Arrow stream. */
    private static final byte[] BACKEND_STATE = new byte[0];

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lateRows = in.readLong();
        byte[] rowBytes = in.readBytes();
        checkBackend(rowBytes);
        if (keyed != null) {
            keyed.restore(in);
            return;
        }
        try (RowBatch rows = heapRows(rowBytes)) {
            admitRestored(rows);
        }
    }

    /** Adds restored rows (all admitted before, so none is dropped as late). */
    private void admitRestored(RowBatch rows) throws IOException {
        try {
            admit(rows, false);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The pending rows of a heap snapshot, from the bytes {@link StateWriter#writeColumns} wrote. */
    private RowBatch heapRows(byte[] rowBytes) throws IOException {
        java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream(rowBytes.length + 4);
        StateWriter w = new StateWriter(framed);
        w.writeBytes(rowBytes);
        w.flush();
        return new StateReader(new java.io.ByteArrayInputStream(framed.toByteArray()))
                .readBatch(inputType, context.allocator());
    }

    /** Fails when a snapshot was taken under the other kind of state. */
    private void checkBackend(byte[] rowBytes) {
        boolean backendState = rowBytes.length == 0;
        if (backendState != (keyed != null)) {
            throw new UnsupportedFeatureException("restoring a SESSION window's state taken with"
                    + " state.backend.type " + (backendState ? "rocksdb" : "hashmap") + " under another"
                    + " state.backend.type; restore it with the backend it was taken with");
        }
    }

    /**
     * Restores from the snapshots of a run at another parallelism the pending rows whose partition keys this instance
     * owns; the watermark is the earliest of the snapshots' and the late-row counts add up.
     */
    @Override
    public void restoreRescaled(java.util.List<StateReader> snapshots, io.sluice.runtime.state.KeyOwnership owned)
            throws IOException {
        long earliest = Long.MAX_VALUE;
        int[] keys = owned.inputKeys(0);
        for (StateReader in : snapshots) {
            earliest = Math.min(earliest, in.readLong());
            lateRows += in.readLong();
            byte[] rowBytes = in.readBytes();
            checkBackend(rowBytes);
            if (keyed != null) {
                continue; // the backend's snapshots are restored together, below
            }
            try (RowBatch rows = heapRows(rowBytes)) {
                int[] kept = new int[rows.rowCount()];
                int m = 0;
                for (int r = 0; r < kept.length; r++) {
                    if (owned.owns(rows, keys, r)) {
                        kept[m++] = r;
                    }
                }
                try (RowBatch mine = io.sluice.runtime.operator.sort.VectorGather.gatherRows(rows, kept, 0, m,
                        context.allocator())) {
                    admitRestored(mine);
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

    @Override
    public void close() {
        if (keyed != null) {
            keyed.close();
            keyed = null;
        }
        if (keys != null) {
            keys.close();
            keys = null;
        }
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }
}
