package io.sluice.connector.datagen;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.table.api.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * One parallel instance of a datagen source. Reader {@code i} of {@code p} owns the table-wide row
 * ordinals {@code i, i + p, i + 2p, ...}: its k-th row carries the value {@code start + i + k*p} of
 * every sequence column, so parallel readers never overlap. Its row limit is its share of
 * {@code number-of-rows} (the first {@code n % p} readers take one extra row) and of each sequence,
 * whichever is smallest; its rate is {@code rows-per-second / p}.
 *
 * <p>Each {@link #pollNext} emits at most one batch of at most {@link ReaderContext#batchSize()} rows
 * of the projected columns, written column by column by {@link ColumnGenerator}s, or returns
 * {@link ReadStatus#NOTHING_AVAILABLE} when it is ahead of the rate (see {@link RatePacer}). Emits no
 * watermarks.
 *
 * <p>Position: the number of rows emitted (plus the reader's index and parallelism, which must match
 * on restore). A restored reader continues its sequences right after the last emitted value; random
 * columns just go on with new random values.
 *
 * <p>Restored at another parallelism ({@link #restoreRescaledPositions}), the readers share what the earlier ones
 * had left: each earlier reader's remaining ordinals are a {@link DataGenLane}; with at least as many lanes as
 * readers, reader {@code j} takes lanes {@code j, j + q, ...}, else every lane is dealt over the {@code q} readers.
 * A reader with several lanes emits their rows in ordinal order (so a sequence-derived event time stays ordered
 * within the reader), and its position is then its list of lanes.
 */
public final class DataGenSourceReader implements SourceReader {
    private static final int POSITION_BYTES = 16;
    /** The first int of a position holding lanes (a reader's index is never negative). */
    private static final int LANES_MARKER = -1;

    private final List<FieldSpec> fields;
    private final ReaderContext context;
    private final int subtask;
    private final int parallelism;
    private final long limit;
    private final RatePacer pacer;
    private final int batchSize;
    private ColumnGenerator[] generators;
    private long emitted;
    /** The table-wide row count ({@code Long.MAX_VALUE} when unbounded). */
    private final long tableRows;
    /** Null: this reader's own ordinals ({@code subtask + k * parallelism}); else the lanes it took over. */
    private List<DataGenLane> lanes;

    DataGenSourceReader(List<FieldSpec> fields, long rowsPerSecond, Long numberOfRows, ReaderContext context,
            LongSupplier nanoClock) {
        this.fields = fields;
        this.context = context;
        this.subtask = context.subtaskIndex();
        this.parallelism = context.parallelism();
        this.batchSize = Math.max(1, context.batchSize());
        long max = numberOfRows == null ? Long.MAX_VALUE : share(numberOfRows, subtask, parallelism);
        long rows = numberOfRows == null ? Long.MAX_VALUE : numberOfRows;
        for (FieldSpec f : fields) {
            if (f.kind() == GeneratorKind.SEQUENCE) {
                max = Math.min(max, share(f.sequenceSize(), subtask, parallelism));
                rows = Math.min(rows, f.sequenceSize());
            }
        }
        this.limit = max;
        this.tableRows = rows;
        this.pacer = new RatePacer((double) rowsPerSecond / parallelism, batchSize, nanoClock);
    }

    /** Reader {@code index}'s part of {@code total} items dealt round-robin to {@code readers} readers. */
    static long share(long total, int index, int readers) {
        if (total == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return total / readers + (total % readers > index ? 1 : 0);
    }

    /** Rows this reader emits in total ({@code Long.MAX_VALUE} when unbounded). */
    public long rowLimit() {
        if (lanes == null) {
            return limit;
        }
        long total = emitted;
        for (DataGenLane lane : lanes) {
            long r = lane.remaining();
            if (r == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            total += r;
        }
        return total;
    }

    /** Rows emitted so far (including those before a restore). */
    public long emittedRows() {
        return emitted;
    }

    @Override
    public void open() {
        int[] projected = context.projectedFields();
        SplittableRandom root = new SplittableRandom();
        ZoneId zone = ZoneId.of(context.config().get(ExecutionOptions.LOCAL_TIME_ZONE));
        generators = new ColumnGenerator[projected.length];
        for (int c = 0; c < projected.length; c++) {
            generators[c] = ColumnGenerators.create(fields.get(projected[c]), root.split(), zone);
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (lanes != null) {
            return pollLanes(output);
        }
        if (emitted >= limit) {
            return ReadStatus.END_OF_INPUT;
        }
        int wanted = (int) Math.min(batchSize, limit - emitted);
        int rows = pacer.permits(wanted);
        if (rows == 0) {
            return ReadStatus.NOTHING_AVAILABLE;
        }
        RowBatch batch = RowBatch.allocate(context.producedType(), context.allocator(), rows);
        try {
            long firstOrdinal = subtask + emitted * parallelism;
            for (int c = 0; c < generators.length; c++) {
                generators[c].fill(batch.vector(c), rows, firstOrdinal, parallelism);
            }
            batch.setRowCount(rows);
        } catch (RuntimeException | Error e) {
            batch.close();
            throw e;
        }
        emitted += rows;
        pacer.consumed(rows);
        output.emit(batch);
        return emitted >= limit ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
    }

    /** Emits up to a batch of rows from the lanes, in ordinal order. */
    private ReadStatus pollLanes(Output output) throws Exception {
        long left = rowLimit() - emitted;
        if (left <= 0) {
            return ReadStatus.END_OF_INPUT;
        }
        int rows = pacer.permits((int) Math.min(batchSize, left));
        if (rows == 0) {
            return ReadStatus.NOTHING_AVAILABLE;
        }
        RowBatch batch = RowBatch.allocate(context.producedType(), context.allocator(), rows);
        try {
            int pos = 0;
            while (pos < rows) {
                DataGenLane first = null;
                long bound = Long.MAX_VALUE;
                for (DataGenLane lane : lanes) {
                    if (lane.remaining() == 0) {
                        continue;
                    }
                    if (first == null || lane.next < first.next) {
                        bound = first == null ? bound : first.next;
                        first = lane;
                    } else {
                        bound = Math.min(bound, lane.next);
                    }
                }
                int run = (int) Math.min(rows - pos, Math.min(first.remaining(), first.countBelow(bound)));
                fillRun(batch, pos, run, first);
                first.advance(run);
                pos += run;
            }
            batch.setRowCount(rows);
        } catch (RuntimeException | Error e) {
            batch.close();
            throw e;
        }
        emitted += rows;
        pacer.consumed(rows);
        output.emit(batch);
        return emitted >= rowLimit() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
    }

    /** Writes {@code run} rows of {@code lane} at rows {@code pos ..} of {@code batch}. */
    private void fillRun(RowBatch batch, int pos, int run, DataGenLane lane) {
        try (RowBatch part = RowBatch.allocate(context.producedType(), context.allocator(), run)) {
            for (int c = 0; c < generators.length; c++) {
                generators[c].fill(part.vector(c), run, lane.next, (int) lane.step);
                for (int i = 0; i < run; i++) {
                    batch.vector(c).copyFromSafe(i, pos + i, part.vector(c));
                }
            }
        }
    }

    @Override
    public byte[] snapshotPosition() {
        if (lanes != null) {
            ByteBuffer buf = ByteBuffer.allocate(24 + lanes.size() * DataGenLane.BYTES);
            buf.putInt(LANES_MARKER).putInt(subtask).putInt(parallelism).putLong(emitted).putInt(lanes.size());
            for (DataGenLane lane : lanes) {
                lane.write(buf);
            }
            return buf.array();
        }
        return ByteBuffer.allocate(POSITION_BYTES).putInt(subtask).putInt(parallelism).putLong(emitted).array();
    }

    /** The lanes an earlier reader had left, from its position. */
    private List<DataGenLane> lanesOf(byte[] position) {
        ByteBuffer buf = ByteBuffer.wrap(position);
        List<DataGenLane> result = new ArrayList<>();
        int first = buf.getInt();
        if (first == LANES_MARKER) {
            buf.getInt();
            buf.getInt();
            buf.getLong();
            int n = buf.getInt();
            for (int i = 0; i < n; i++) {
                result.add(DataGenLane.read(buf));
            }
        } else {
            if (position.length != POSITION_BYTES) {
                throw new IllegalArgumentException("not a datagen reader position: " + position.length + " bytes");
            }
            int readers = buf.getInt();
            long done = buf.getLong();
            result.add(new DataGenLane(first + done * readers, readers, tableRows));
        }
        result.removeIf(lane -> lane.remaining() == 0);
        return result;
    }

    /** Takes over this reader's share of what the readers of a run at another parallelism had left. */
    @Override
    public void restoreRescaledPositions(List<byte[]> positions) {
        List<DataGenLane> left = new ArrayList<>();
        for (byte[] p : positions) {
            left.addAll(lanesOf(p));
        }
        List<DataGenLane> mine = new ArrayList<>();
        if (left.size() >= parallelism) {
            for (int i = subtask; i < left.size(); i += parallelism) {
                mine.add(left.get(i));
            }
        } else {
            for (DataGenLane lane : left) {
                mine.add(lane.split(parallelism).get(subtask));
            }
        }
        lanes = mine;
        emitted = 0;
    }

    @Override
    public void restorePosition(byte[] position) {
        ByteBuffer buf = ByteBuffer.wrap(position);
        if (position.length != POSITION_BYTES && (position.length < 4 || buf.getInt(0) != LANES_MARKER)) {
            throw new IllegalArgumentException("not a datagen reader position: " + position.length + " bytes");
        }
        int marker = buf.getInt();
        int savedSubtask = marker == LANES_MARKER ? buf.getInt() : marker;
        int savedParallelism = buf.getInt();
        if (savedSubtask != subtask || savedParallelism != parallelism) {
            throw new UnsupportedFeatureException("restoring datagen reader " + savedSubtask + " of "
                    + savedParallelism + " as reader " + subtask + " of " + parallelism
                    + " (changing the parallelism of a datagen source)");
        }
        emitted = buf.getLong();
        if (marker == LANES_MARKER) {
            lanes = lanesOf(position);
        }
    }

    @Override
    public void close() {
        generators = null;
    }
}
