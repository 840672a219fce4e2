package io.sluice.runtime.operator.sort;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.RowType;

/**
 * {@code ORDER BY ... [OFFSET n] [FETCH m]} over a bounded input: buffers every row, sorts stably by
 * its {@link SortKey}s when the input ends, and emits rows {@code [offset, offset + fetch)} of the
 * result in batches of at most {@code table.exec.batch-size} rows.
 *
 * <p>With a fetch limit it keeps only the best {@code offset + fetch} rows: whenever the buffer holds
 * more than {@code max(2 * (offset + fetch), batch size)} rows it is sorted and cut back to the best
 * {@code offset + fetch}, so memory stays bounded by the limit rather than the input size. Ties keep
 * their input order throughout.
 *
 * <p><b>Streaming semantics:</b> batch-mode only for now. The operator expects an insert-only input
 * (row kinds are ignored) and emits insert-only results once its input ends; it keeps all
 * (or the top {@code offset + fetch}) rows in memory until then and ignores watermarks beyond
 * forwarding them. Streaming ORDER BY on time attributes and changelog (retracting) Top-N are later
 * work.
 */
public final class SortOperator implements StreamOperator {
    private final RowType type;
    private final SortKey[] keys;
    private final long offset;
    private final long fetch;

    private OperatorContext context;
    private Output output;
    private RowBuffer buffer;
    private RowComparator comparator;
    private long compactThreshold;

    /**
     * @param type   row type of input and output
     * @param keys   sort keys, most significant first
     * @param offset rows to skip (0 for none)
     * @param fetch  maximum rows to emit, or -1 for no limit
     */
    public SortOperator(RowType type, SortKey[] keys, long offset, long fetch) {
        if (offset < 0 || fetch < -1) {
            throw new IllegalArgumentException("invalid offset/fetch " + offset + "/" + fetch);
        }
        this.type = type;
        this.keys = keys.clone();
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.buffer = new RowBuffer(type, context.allocator());
        this.comparator = new RowComparator(type, keys);
        long limit = fetch < 0 ? Long.MAX_VALUE : offset + fetch;
        this.compactThreshold = limit > Integer.MAX_VALUE / 4 ? Long.MAX_VALUE
                : Math.max(2 * limit, context.batchSize());
    }

    @Override
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            if (fetch == 0) {
                return;
            }
            buffer.append(batch);
        }
        if (buffer.rowCount() > compactThreshold) {
            int[] order = sortedOrder();
            buffer.keepOnly(order, (int) Math.min(order.length, offset + fetch));
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        int n = buffer.rowCount();
        long end = fetch < 0 ? n : Math.min(n, offset + fetch);
        if (offset >= end) {
            buffer.clear();
            return;
        }
        int[] order = sortedOrder();
        int batchSize = context.batchSize();
        for (int from = (int) offset; from < end; from += batchSize) {
            int to = (int) Math.min(end, (long) from + batchSize);
            output.emit(buffer.gather(order, from, to, type, context.allocator()));
        }
        buffer.clear();
    }

    private int[] sortedOrder() {
        int n = buffer.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        comparator.bind(buffer.vectors());
        RowComparator c = comparator;
        IntSorter.sort(order, 0, n, c::compare);
        return order;
    }

    @Override
    public void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }
}
