package io.sluice.runtime.operator.keys;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/** Test helpers: batches from Java values, a collecting {@link Output}, an operator context. */
public final class TestBatches {
    private TestBatches() {
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

    /** A batch of {@code type} holding {@code rows} (external Java values, null for NULL). */
    public static RowBatch batch(BufferAllocator allocator, RowType type, Object[]... rows) {
        RowBatch b = RowBatch.allocate(type, allocator, Math.max(1, rows.length));
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < type.size(); c++) {
                VectorValues.set(type.type(c), b.vector(c), r, rows[r][c]);
            }
        }
        b.setRowCount(rows.length);
        return b;
    }

    /** A batch of {@code type} holding {@code rows}, whose row {@code i} carries the row kind {@code kinds[i]}. */
    public static RowBatch changelog(BufferAllocator allocator, RowType type, RowKind[] kinds, Object[]... rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(Math.max(1, rows.length));
        for (int i = 0; i < rows.length; i++) {
            k.set(i, kinds[i].toByteValue());
        }
        k.setValueCount(rows.length);
        b.setRowKinds(k);
        return b;
    }

    public static Object[] row(Object... values) {
        return values;
    }

    public static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    public static List<List<Object>> rowsOf(RowBatch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            io.sluice.types.Row row = batch.getRow(r);
            Object[] values = new Object[row.getArity()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.getField(c);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    /** Rows sorted by their string form, for order-insensitive comparison. */
    public static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    public static OperatorContext context(BufferAllocator allocator, int batchSize) {
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
        return new OperatorContext("test", allocator, config);
    }

    public static FieldVector[] vectors(RowBatch batch) {
        return batch.root().getFieldVectors().toArray(new FieldVector[0]);
    }

    /** An {@link Output} that reads and closes every batch it receives. */
    public static final class CollectingOutput implements Output {
        public final List<List<Object>> rows = new ArrayList<>();
        public final List<Integer> batchSizes = new ArrayList<>();
        public RowType lastType;
        public final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emit(RowBatch batch) {
            try (batch) {
                lastType = batch.type();
                batchSizes.add(batch.rowCount());
                for (int c = 0; c < batch.columnCount(); c++) {
                    if (batch.vector(c).getValueCount() != batch.rowCount()) {
                        throw new AssertionError("column " + c + " has value count "
                                + batch.vector(c).getValueCount() + " but the batch has " + batch.rowCount() + " rows");
                    }
                }
                rows.addAll(rowsOf(batch));
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            watermarks.add(watermark);
        }

        public int maxBatchSize() {
            return batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }
}
