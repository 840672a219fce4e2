package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Builds output batches of changelog rows one row at a time: the values of a row copied from input or
 * state vectors, its {@link RowKind}, and optionally a rank number in the last (BIGINT) column. A
 * batch is emitted when it reaches the batch size and by {@link #flush()}.
 *
 * <p>{@link #add} only notes where a row comes from; the values are copied when the batch is emitted, a column at a
 * time (the several-source {@code VectorGather.gather}). So the source rows must keep their values until the next {@link #flush()}: rows of the batch being processed, or
 * state rows that are not overwritten or compacted away before then.
 */
final class ChangelogWriter implements AutoCloseable {
    private final RowType outputType;
    private final int copiedColumns;
    private final boolean withRank;
    private final BufferAllocator allocator;
    private final Output output;
    private final int batchSize;
    private boolean skipUpdateBefore;
    /** The rows added since the last flush: the vectors and row each is copied from, its kind and rank number. */
    private FieldVector[][] sources = new FieldVector[64][];
    private int[] rows = new int[64];
    private byte[] kinds = new byte[64];
    private long[] ranks = new long[64];
    private int pos;
    /** One column's sources of the rows being emitted (reused). */
    private FieldVector[] columnSources = new FieldVector[64];

    /**
     * A writer of {@code outputType} rows whose first {@code copiedColumns} columns are copied from
     * source rows; with {@code withRank} the column after them holds the rank number.
     */
    ChangelogWriter(RowType outputType, int copiedColumns, boolean withRank, BufferAllocator allocator,
            Output output, int batchSize) {
        if (outputType.size() != copiedColumns + (withRank ? 1 : 0)) {
            throw new IllegalArgumentException("output type " + outputType + " does not have " + copiedColumns
                    + " input columns" + (withRank ? " and a rank number column" : ""));
        }
        this.outputType = outputType;
        this.copiedColumns = copiedColumns;
        this.withRank = withRank;
        this.allocator = allocator;
        this.output = output;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * Makes {@link #add} skip {@code -U} rows: for an operator whose downstream drops them anyway (its output is
     * wrapped in an {@link io.sluice.runtime.operator.UpdateBeforeFilter}), so they are neither copied nor filtered.
     */
    void skipUpdateBefore() {
        this.skipUpdateBefore = true;
    }

    /**
     * Appends row {@code row} of {@code from} with kind {@code kind}; {@code rank} is written if ranked. The row's
     * values are read when the batch is emitted (see the class comment).
     */
    void add(FieldVector[] from, int row, RowKind kind, long rank) throws Exception {
        if (skipUpdateBefore && kind == RowKind.UPDATE_BEFORE) {
            return;
        }
        if (pos == rows.length) {
            int n = 2 * pos;
            sources = Arrays.copyOf(sources, n);
            rows = Arrays.copyOf(rows, n);
            kinds = Arrays.copyOf(kinds, n);
            ranks = Arrays.copyOf(ranks, n);
        }
        sources[pos] = from;
        rows[pos] = row;
        kinds[pos] = kind.toByteValue();
        ranks[pos] = rank;
        pos++;
        if (pos >= batchSize) {
            flush();
        }
    }

    /** Emits the rows added since the last flush, if any. */
    void flush() throws Exception {
        int n = pos;
        if (n == 0) {
            return;
        }
        RowBatch out = RowBatch.allocate(outputType, allocator, n);
        try {
            if (columnSources.length < n) {
                columnSources = new FieldVector[rows.length];
            }
            for (int c = 0; c < copiedColumns; c++) {
                for (int k = 0; k < n; k++) {
                    columnSources[k] = sources[k][c];
                }
                VectorGather.gather(columnSources, rows, n, out.vector(c));
            }
            if (withRank) {
                BigIntVector rank = (BigIntVector) out.vector(copiedColumns);
                for (int k = 0; k < n; k++) {
                    rank.setSafe(k, ranks[k]);
                }
            }
            TinyIntVector kindVector = new TinyIntVector("$row_kind", allocator);
            out.setRowKinds(kindVector);
            kindVector.allocateNew(n);
            for (int k = 0; k < n; k++) {
                kindVector.set(k, kinds[k]);
            }
            out.setRowCount(n);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            pos = 0;
            Arrays.fill(sources, 0, n, null);
            Arrays.fill(columnSources, 0, Math.min(n, columnSources.length), null);
        }
        output.emit(out);
    }

    /** Drops rows not yet emitted (after a failure). */
    @Override
    public void close() {
        Arrays.fill(sources, 0, pos, null);
        pos = 0;
    }
}
