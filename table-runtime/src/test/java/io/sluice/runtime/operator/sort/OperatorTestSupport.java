package io.sluice.runtime.operator.sort;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Test helpers for operators: batches from Java values, a collecting output, a harness run. */
public final class OperatorTestSupport {
    private OperatorTestSupport() {
    }

    public static RowType rowType(Object... namesAndTypes) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            names.add((String) namesAndTypes[i]);
            types.add((LogicalType) namesAndTypes[i + 1]);
        }
        return new RowType(names, types);
    }

    public static Object[] row(Object... values) {
        return values;
    }

    /** A batch of {@code type} holding {@code rows} (external Java values, null for NULL). */
    public static RowBatch batch(BufferAllocator allocator, RowType type, Object[]... rows) {
        return batch(allocator, type, Arrays.asList(rows));
    }

    public static RowBatch batch(BufferAllocator allocator, RowType type, List<Object[]> rows) {
        RowBatch b = RowBatch.allocate(type, allocator, Math.max(1, rows.size()));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < type.size(); c++) {
                VectorValues.set(type.type(c), b.vector(c), r, rows.get(r)[c]);
            }
        }
        b.setRowCount(rows.size());
        return b;
    }

    public static OperatorContext context(BufferAllocator allocator, int batchSize) {
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
        return new OperatorContext("test", allocator, config);
    }

    /** Opens {@code op}, feeds each batch to input 0, ends the input and closes the operator. */
    public static Collector run(StreamOperator op, BufferAllocator allocator, int batchSize, List<RowBatch> input)
            throws Exception {
        Collector out = new Collector();
        try (op) {
            op.open(context(allocator, batchSize), out);
            for (RowBatch b : input) {
                op.processBatch(0, b);
            }
            op.endInput(0);
        }
        return out;
    }

    /** Splits rows into batches of {@code size} rows. */
    public static List<RowBatch> batches(BufferAllocator allocator, RowType type, List<Object[]> rows, int size) {
        List<RowBatch> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += size) {
            out.add(batch(allocator, type, rows.subList(i, Math.min(rows.size(), i + size))));
        }
        return out;
    }

    /** Collects emitted rows as lists of external values (closing every batch) and batch sizes. */
    public static final class Collector implements Output {
        public final List<List<Object>> rows = new ArrayList<>();
        public final List<Integer> batchSizes = new ArrayList<>();
        public final List<RowType> batchTypes = new ArrayList<>();
        public final List<String> rowKinds = new ArrayList<>();
        public final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emit(RowBatch batch) {
            try (batch) {
                batchSizes.add(batch.rowCount());
                batchTypes.add(batch.type());
                for (int r = 0; r < batch.rowCount(); r++) {
                    List<Object> values = new ArrayList<>();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        Object v = VectorValues.get(batch.type().type(c), batch.vector(c), r);
                        values.add(v instanceof byte[] ? Arrays.toString((byte[]) v) : v);
                    }
                    rows.add(values);
                    rowKinds.add(batch.rowKind(r).shortString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            watermarks.add(watermark);
        }

        /** Column {@code c} of every row. */
        public List<Object> column(int c) {
            List<Object> out = new ArrayList<>();
            for (List<Object> r : rows) {
                out.add(r.get(c));
            }
            return out;
        }
    }
}
