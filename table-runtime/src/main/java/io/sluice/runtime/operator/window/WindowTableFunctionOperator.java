package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * A window table function ({@code TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size))} and HOP / CUMULATE):
 * each input row is emitted once per window containing its time attribute, with three columns
 * appended: {@code window_start}, {@code window_end} and {@code window_time} (= end - 1 ms). Rows
 * whose time attribute is NULL belong to no window and are dropped.
 *
 * <p><b>Streaming semantics:</b> stateless; insert-only input only (Flink's window TVFs do not accept
 * updates); forwards watermarks.
 */
public final class WindowTableFunctionOperator implements StreamOperator {
    private final RowType inputType;
    private final int timeField;
    private final WindowSpec spec;
    private final RowType outputType;

    private OperatorContext context;
    private Output output;
    private int[] rowIndexes = new int[0];
    private long[] startsOut = new long[0];
    private long[] endsOut = new long[0];
    private final long[] starts;
    private final long[] ends;

    public WindowTableFunctionOperator(RowType inputType, int timeField, WindowSpec spec, RowType outputType) {
        this.inputType = inputType;
        this.timeField = timeField;
        this.spec = spec;
        this.outputType = outputType;
        this.starts = new long[spec.maxWindowsPerRow()];
        this.ends = new long[spec.maxWindowsPerRow()];
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        RowBatch out;
        try (batch) {
            if (!batch.isInsertOnly()) {
                throw new UnsupportedFeatureException("a window table function over an updating input");
            }
            int rows = batch.rowCount();
            int capacity = rows * spec.maxWindowsPerRow();
            if (rowIndexes.length < capacity) {
                rowIndexes = new int[capacity];
                startsOut = new long[capacity];
                endsOut = new long[capacity];
            }
            TimeStampVector time = (TimeStampVector) batch.vector(timeField);
            int n = 0;
            for (int i = 0; i < rows; i++) {
                if (time.isNull(i)) {
                    continue;
                }
                int w = spec.assign(time.get(i), starts, ends);
                for (int k = 0; k < w; k++) {
                    rowIndexes[n] = i;
                    startsOut[n] = starts[k];
                    endsOut[n] = ends[k];
                    n++;
                }
            }
            if (n == 0) {
                return;
            }
            out = RowBatch.allocate(outputType, context.allocator(), n);
            try {
                int columns = inputType.size();
                for (int c = 0; c < columns; c++) {
                    VectorGather.gather(batch.vector(c), rowIndexes, 0, n, out.vector(c), 0);
                }
                ArrowBuf start = nonNullLongs(out.vector(columns), n);
                ArrowBuf end = nonNullLongs(out.vector(columns + 1), n);
                ArrowBuf windowTime = nonNullLongs(out.vector(columns + 2), n);
                for (int k = 0; k < n; k++) {
                    long offset = (long) k * Long.BYTES;
                    start.setLong(offset, startsOut[k]);
                    end.setLong(offset, endsOut[k]);
                    windowTime.setLong(offset, endsOut[k] - 1);
                }
                out.setRowCount(n);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
        }
        output.emit(out);
    }

    /**
     * The data buffer of {@code vector} (a window column: 8-byte timestamps), with room for {@code rows} values, all
     * marked non-NULL.
     */
    private static ArrowBuf nonNullLongs(FieldVector vector, int rows) {
        BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
        while (v.getValueCapacity() < rows) {
            v.reAlloc();
        }
        v.getValidityBuffer().setOne(0, (rows + 7) / 8);
        return v.getDataBuffer();
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
