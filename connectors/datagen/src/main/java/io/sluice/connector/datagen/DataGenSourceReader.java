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
 */
public final class DataGenSourceReader implements SourceReader {
    private static final int POSITION_BYTES = 16;

    private final List<FieldSpec> fields;
    private final ReaderContext context;
    private final int subtask;
    private final int parallelism;
    private final long limit;
    private final RatePacer pacer;
    private final int batchSize;
    private ColumnGenerator[] generators;
    private long emitted;

    DataGenSourceReader(List<FieldSpec> fields, long rowsPerSecond, Long numberOfRows, ReaderContext context,
            LongSupplier nanoClock) {
        this.fields = fields;
        this.context = context;
        this.subtask = context.subtaskIndex();
        this.parallelism = context.parallelism();
        this.batchSize = Math.max(1, context.batchSize());
        long max = numberOfRows == null ? Long.MAX_VALUE : share(numberOfRows, subtask, parallelism);
        for (FieldSpec f : fields) {
            if (f.kind() == GeneratorKind.SEQUENCE) {
                max = Math.min(max, share(f.sequenceSize(), subtask, parallelism));
            }
        }
        this.limit = max;
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
        return limit;
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

    @Override
    public byte[] snapshotPosition() {
        return ByteBuffer.allocate(POSITION_BYTES).putInt(subtask).putInt(parallelism).putLong(emitted).array();
    }

    @Override
    public void restorePosition(byte[] position) {
        ByteBuffer buf = ByteBuffer.wrap(position);
        if (position.length != POSITION_BYTES) {
            throw new IllegalArgumentException("not a datagen reader position: " + position.length + " bytes");
        }
        int savedSubtask = buf.getInt();
        int savedParallelism = buf.getInt();
        if (savedSubtask != subtask || savedParallelism != parallelism) {
            throw new UnsupportedFeatureException("restoring datagen reader " + savedSubtask + " of "
                    + savedParallelism + " as reader " + subtask + " of " + parallelism
                    + " (changing the parallelism of a datagen source)");
        }
        emitted = buf.getLong();
    }

    @Override
    public void close() {
        generators = null;
    }
}
