package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Builds output batches of changelog rows one row at a time: the values of a row copied from input or
 * state vectors, its {@link RowKind}, and optionally a rank number in the last (BIGINT) column. A
 * batch is emitted when it reaches the batch size and by {@link #flush()}.
 */
final class ChangelogWriter implements AutoCloseable {
    private final RowType outputType;
    private final int copiedColumns;
    private final boolean withRank;
    private final BufferAllocator allocator;
    private final Output output;
    private final int batchSize;
    private RowBatch out;
    /** The vectors of {@link #out}, looked up once per batch instead of once per value. */
    private FieldVector[] outVectors;
    private TinyIntVector kinds;
    private int pos;
    private boolean skipUpdateBefore;
    /**
     * The rows of the last batch emitted: the next batch starts with room for as many (at least 1024, at most the
     * batch size), so a writer that fills whole batches does not grow each one from 1024 rows.
     */
    private int lastRows;

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

    /** Appends row {@code row} of {@code from} with kind {@code kind}; {@code rank} is written if ranked. */
    void add(FieldVector[] from, int row, RowKind kind, long rank) throws Exception {
        if (skipUpdateBefore && kind == RowKind.UPDATE_BEFORE) {
            return;
        }
        if (out == null) {
            int capacity = Math.min(batchSize, Math.max(1024, lastRows));
            out = RowBatch.allocate(outputType, allocator, capacity);
            kinds = new TinyIntVector("$row_kind", allocator);
            out.setRowKinds(kinds);
            kinds.allocateNew(capacity);
            outVectors = new FieldVector[outputType.size()];
            for (int c = 0; c < outVectors.length; c++) {
                outVectors[c] = out.vector(c);
            }
        }
        FieldVector[] to = outVectors;
        for (int c = 0; c < copiedColumns; c++) {
            VectorGather.copy(from[c], row, to[c], pos);
        }
        if (withRank) {
            ((BigIntVector) to[copiedColumns]).setSafe(pos, rank);
        }
        kinds.setSafe(pos, kind.toByteValue());
        pos++;
        if (pos >= batchSize) {
            flush();
        }
    }

    /** Emits the rows added since the last flush, if any. */
    void flush() throws Exception {
        if (out == null) {
            return;
        }
        RowBatch full = out;
        out = null;
        outVectors = null;
        kinds = null;
        if (pos == 0) {
            full.close();
            return;
        }
        full.setRowCount(pos);
        lastRows = pos;
        pos = 0;
        output.emit(full);
    }

    /** Drops rows not yet emitted (after a failure). */
    @Override
    public void close() {
        if (out != null) {
            out.close();
            out = null;
            outVectors = null;
            kinds = null;
            pos = 0;
        }
    }
}
