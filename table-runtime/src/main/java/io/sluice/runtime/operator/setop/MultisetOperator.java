package io.sluice.runtime.operator.setop;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.keys.KeyHashTable;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.Arrays;

/**
 * {@code INTERSECT ALL} and {@code EXCEPT ALL}: counts how often each distinct row (all columns, NULLs
 * equal to each other) occurs in each of the two inputs, then emits every distinct row
 * {@code min(left, right)} times (INTERSECT ALL) or {@code max(left - right, 0)} times (EXCEPT ALL).
 *
 * <p><b>Streaming semantics:</b> batch (final-result) semantics: input must be insert-only; state is
 * one entry per distinct row; results are emitted when both inputs have ended. Watermarks are not
 * forwarded.
 */
public final class MultisetOperator implements StreamOperator {
    /** The set operation. */
    public enum Kind {
        INTERSECT_ALL,
        EXCEPT_ALL
    }

    private final Kind kind;
    private final RowType type;

    private OperatorContext context;
    private Output output;
    private KeyHashTable rows;
    private long[][] counts = {new long[16], new long[16]};
    private int[] ids = new int[0];
    private int openInputs = 2;
    private int[] allColumns;

    public MultisetOperator(Kind kind, RowType type) {
        this.kind = kind;
        this.type = type;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        boolean[] nullSafe = new boolean[type.size()];
        Arrays.fill(nullSafe, true);
        rows = new KeyHashTable(context.allocator(), type.types(), nullSafe);
        allColumns = new int[type.size()];
        for (int i = 0; i < allColumns.length; i++) {
            allColumns[i] = i;
        }
    }

    @Override
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException(kind + " over an updating input");
            }
            int n = batch.rowCount();
            if (ids.length < n) {
                ids = new int[n];
            }
            rows.findOrInsert(KeyHashTable.columnsOf(batch, allColumns), n, ids);
            int size = rows.size();
            if (counts[0].length < size) {
                int capacity = Math.max(size, counts[0].length * 2);
                counts[0] = Arrays.copyOf(counts[0], capacity);
                counts[1] = Arrays.copyOf(counts[1], capacity);
            }
            long[] c = counts[input];
            for (int i = 0; i < n; i++) {
                c[ids[i]]++;
            }
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        if (--openInputs > 0) {
            return;
        }
        int distinct = rows.size();
        int batchSize = context.batchSize();
        int[] picks = new int[batchSize];
        int n = 0;
        for (int g = 0; g < distinct; g++) {
            long l = counts[0][g];
            long r = counts[1][g];
            long times = kind == Kind.INTERSECT_ALL ? Math.min(l, r) : Math.max(l - r, 0);
            for (long t = 0; t < times; t++) {
                picks[n++] = g;
                if (n == batchSize) {
                    emit(picks, n);
                    n = 0;
                }
            }
        }
        if (n > 0) {
            emit(picks, n);
        }
    }

    private void emit(int[] picks, int n) throws Exception {
        RowBatch out = RowBatch.allocate(type, context.allocator(), n);
        try {
            for (int c = 0; c < type.size(); c++) {
                VectorGather.gather(rows.keyVector(c), picks, 0, n, out.vector(c), 0);
            }
            out.setRowCount(n);
        } catch (Throwable t) {
            out.close();
            throw t;
        }
        output.emit(out);
    }

    @Override
    public void processWatermark(int input, long watermark, Output output) {
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
