package io.sluice.runtime.operator.window;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.sort.VectorGather;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Emits the rows a fired window keeps (window Top-N, window deduplication): picked rows of the window's buffered
 * columns, in batches of at most {@code table.exec.batch-size} rows, followed by a BIGINT rank column when the
 * output has one.
 */
final class RankedRowEmitter {
    private final RowType inputType;
    private final RowType outputType;
    private final boolean outputRankNumber;

    /** {@code outputType} is {@code inputType}, plus a BIGINT rank column when {@code outputRankNumber}. */
    RankedRowEmitter(RowType inputType, RowType outputType, boolean outputRankNumber) {
        this.inputType = inputType;
        this.outputType = outputType;
        this.outputRankNumber = outputRankNumber;
    }

    /**
     * Emits rows {@code kept[0, count)} of {@code rows} (the input columns) to {@code output}, with rank
     * {@code ranks[k]} for {@code kept[k]}, or rank 1 for every row when {@code ranks} is null.
     */
    void emit(List<FieldVector> rows, int[] kept, long[] ranks, int count, OperatorContext context, Output output)
            throws Exception {
        int batchSize = context.batchSize();
        for (int from = 0; from < count; from += batchSize) {
            int to = Math.min(count, from + batchSize);
            RowBatch out = RowBatch.allocate(outputType, context.allocator(), to - from);
            try {
                for (int c = 0; c < inputType.size(); c++) {
                    VectorGather.gather(rows.get(c), kept, from, to, out.vector(c), 0);
                }
                if (outputRankNumber) {
                    writeRanks((BigIntVector) out.vector(inputType.size()), ranks, from, to);
                }
                out.setRowCount(to - from);
            } catch (Throwable t) {
                out.close();
                throw t;
            }
            output.emit(out);
        }
    }

    private static void writeRanks(BigIntVector rank, long[] ranks, int from, int to) {
        if (ranks == null) {
            for (int k = 0; k < to - from; k++) {
                rank.setSafe(k, 1L);
            }
        } else {
            for (int k = from; k < to; k++) {
                rank.setSafe(k - from, ranks[k]);
            }
        }
    }
}
