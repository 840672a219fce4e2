package io.sluice.runtime.operator.sort;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;

/**
 * {@code ORDER BY proctime [ASC], other keys...} over an insert-only stream, as Flink's processing-time sort: rows
 * come out in processing-time order, which is their arrival order, and rows of the same processing time are
 * sorted by the other keys. The processing time is read once per batch, so all rows of a batch share it: each
 * batch is sorted on its own (by all keys) and emitted at once; without other keys it passes unchanged.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output, each row emitted once, on arrival; stateless (no
 * row waits for a timer); watermarks are forwarded unchanged.
 */
public final class ProctimeSortOperator implements StreamOperator {
    private final RowType type;
    private final SortKey[] keys;

    private OperatorContext context;
    private Output output;
    private RowBuffer buffer;
    private RowComparator comparator;

    /**
     * @param type row type of input and output
     * @param keys all sort keys, the ascending proctime attribute first
     */
    public ProctimeSortOperator(RowType type, SortKey[] keys) {
        if (keys.length == 0 || !keys[0].ascending()) {
            throw new IllegalArgumentException("a processing-time sort orders by its ascending time attribute first");
        }
        this.type = type;
        this.keys = keys.clone();
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.buffer = new RowBuffer(type, context.allocator());
        this.comparator = new RowComparator(type, keys);
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        if (!batch.isInsertOnly()) {
            batch.close();
            throw new UnsupportedFeatureException("ORDER BY a time attribute over an updating input");
        }
        int n = batch.rowCount();
        if (keys.length == 1 || n <= 1) {
            if (n == 0) {
                batch.close();
            } else {
                output.emit(batch);
            }
            return;
        }
        try (batch) {
            buffer.append(batch);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        comparator.bind(buffer.vectors());
        RowComparator c = comparator;
        IntSorter.sort(order, 0, n, c::compare);
        int batchSize = context.batchSize();
        for (int from = 0; from < n; from += batchSize) {
            output.emit(buffer.gather(order, from, Math.min(n, from + batchSize), type, context.allocator()));
        }
        buffer.clear();
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public boolean isStateless() {
        return true;
    }

    @Override
    public void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
