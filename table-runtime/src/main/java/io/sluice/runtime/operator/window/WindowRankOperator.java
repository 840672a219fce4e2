package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowBuffer;
import io.sluice.runtime.operator.sort.RowComparator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Window Top-N: {@code ROW_NUMBER() OVER (PARTITION BY window_start, window_end, ... ORDER BY ...)}
 * with a rank bound, over the rows of a windowed input (a window aggregation or a window table
 * function). The rows of each window are held until the watermark passes the window's last
 * millisecond; then, per partition, the rows ranked {@code rankStart .. rankEnd} (ties keep arrival
 * order) are emitted once, insert-only, as Flink's window Top-N does. Rows of a window that has
 * already fired are late and dropped.
 *
 * <p><b>Streaming semantics:</b> insert-only input and output; state is the rows of every window not
 * yet fired (saved by checkpoints) and the watermark; all windows fire when the input ends.
 */
public final class WindowRankOperator implements StreamOperator, CheckpointedOperator {
    private final RowType inputType;
    private final SortKey[] partitionAndOrder;
    private final int partitionKeyCount;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private final int windowEndField;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private final TreeMap<Long, RowBuffer> windows = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long lateRows;

    /**
     * {@code partitionFields} include the window columns; {@code outputType} is the input type plus a
     * BIGINT rank column when {@code outputRankNumber}.
     */
    public WindowRankOperator(RowType inputType, int[] partitionFields, SortKey[] orderKeys, long rankStart,
            long rankEnd, boolean outputRankNumber, int windowEndField, RowType outputType) {
        if (rankStart < 1 || rankEnd < rankStart) {
            throw new IllegalArgumentException("rank range " + rankStart + ".." + rankEnd);
        }
        this.inputType = inputType;
        this.partitionAndOrder = new SortKey[partitionFields.length + orderKeys.length];
        for (int i = 0; i < partitionFields.length; i++) {
            partitionAndOrder[i] = SortKey.asc(partitionFields[i]);
        }
        System.arraycopy(orderKeys, 0, partitionAndOrder, partitionFields.length, orderKeys.length);
        this.partitionKeyCount = partitionFields.length;
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
        this.outputRankNumber = outputRankNumber;
        this.windowEndField = windowEndField;
        this.outputType = outputType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    /** Rows dropped because their window had already fired. */
    public long lateRowsDropped() {
        return lateRows;
    }

    @Override
    public void processBatch(int input, RowBatch batch) {
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window Top-N over an updating input");
            }
            int rows = batch.rowCount();
            TimeStampVector ends = (TimeStampVector) batch.vector(windowEndField);
            int[] picks = new int[rows];
            boolean[] done = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                if (done[i]) {
                    continue;
                }
                if (ends.isNull(i) || ends.get(i) - 1 <= watermark) {
                    lateRows++;
                    continue;
                }
                long end = ends.get(i);
                int n = 0;
                for (int j = i; j < rows; j++) {
                    if (!done[j] && !ends.isNull(j) && ends.get(j) == end) {
                        picks[n++] = j;
                        done[j] = true;
                    }
                }
                try (RowBatch part = VectorGather.gatherRows(batch, picks, 0, n, context.allocator())) {
                    windows.computeIfAbsent(end, k -> new RowBuffer(inputType, context.allocator())).append(part);
                }
            }
        }
    }

    @Override
    public void processWatermark(int input, long newWatermark, Output out) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        fireUpTo(newWatermark);
        out.emitWatermark(newWatermark);
    }

    @Override
    public void endInput(int input) throws Exception {
        fireUpTo(Long.MAX_VALUE);
    }

    private void fireUpTo(long wm) throws Exception {
        Iterator<Map.Entry<Long, RowBuffer>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, RowBuffer> e = it.next();
            if (e.getKey() - 1 > wm) {
                break;
            }
            try (RowBuffer rows = e.getValue()) {
                it.remove();
                emitTopN(rows);
            }
        }
    }

    private void emitTopN(RowBuffer rows) throws Exception {
        int n = rows.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RowComparator all = new RowComparator(inputType, partitionAndOrder);
        all.bind(rows.vectors());
        IntSorter.sort(order, 0, n, all::compare);
        SortKey[] partitionOnly = java.util.Arrays.copyOf(partitionAndOrder, partitionKeyCount);
        RowComparator partition = new RowComparator(inputType, partitionOnly);
        partition.bind(rows.vectors());
        int[] kept = new int[n];
        long[] ranks = new long[n];
        int count = 0;
        long rank = 0;
        for (int k = 0; k < n; k++) {
            rank = k > 0 && partition.compare(order[k - 1], order[k]) == 0 ? rank + 1 : 1;
            if (rank >= rankStart && rank <= rankEnd) {
                kept[count] = order[k];
                ranks[count] = rank;
                count++;
            }
        }
        int batchSize = context.batchSize();
        for (int from = 0; from < count; from += batchSize) {
            int to = Math.min(count, from + batchSize);
            RowBatch out = RowBatch.allocate(outputType, context.allocator(), to - from);
            try {
                for (int c = 0; c < inputType.size(); c++) {
                    VectorGather.gather(rows.vectors().get(c), kept, from, to, out.vector(c), 0);
                }
                if (outputRankNumber) {
                    BigIntVector r = (BigIntVector) out.vector(inputType.size());
                    for (int k = from; k < to; k++) {
                        r.setSafe(k - from, ranks[k]);
                    }
                }
                out.setRowCount(to - from);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
            output.emit(out);
        }
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(watermark);
        out.writeLong(lateRows);
        out.writeInt(windows.size());
        for (Map.Entry<Long, RowBuffer> e : windows.entrySet()) {
            out.writeLong(e.getKey());
            out.writeColumns(inputType, new ArrayList<>(e.getValue().vectors()), e.getValue().rowCount());
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        watermark = in.readLong();
        lateRows = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long end = in.readLong();
            try (RowBatch rows = in.readBatch(inputType, context.allocator())) {
                windows.computeIfAbsent(end, k -> new RowBuffer(inputType, context.allocator())).append(rows);
            }
        }
    }

    @Override
    public void close() {
        for (RowBuffer b : windows.values()) {
            b.close();
        }
        windows.clear();
    }
}
