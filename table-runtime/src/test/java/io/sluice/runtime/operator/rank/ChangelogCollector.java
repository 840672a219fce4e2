package io.sluice.runtime.operator.rank;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;

/** Test helper: collects emitted rows as {@code +I[a, 1]} strings, and builds changelog input batches. */
final class ChangelogCollector implements Output {
    final List<String> rows = new ArrayList<>();
    final List<Long> watermarks = new ArrayList<>();
    int maxBatchRows;

    @Override
    public void emit(RowBatch b) {
        try (b) {
            maxBatchRows = Math.max(maxBatchRows, b.rowCount());
            for (int c = 0; c < b.columnCount(); c++) {
                if (b.vector(c).getValueCount() != b.rowCount()) {
                    throw new AssertionError("column " + c + " value count differs from the row count");
                }
            }
            for (int i = 0; i < b.rowCount(); i++) {
                rows.add(b.getRow(i).toString());
            }
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        watermarks.add(watermark);
    }

    /** Returns the rows collected so far and forgets them. */
    List<String> take() {
        List<String> r = new ArrayList<>(rows);
        rows.clear();
        return r;
    }

    /** A batch of {@code rows}, each preceded by its kind: {@code kind, value, value, ...}. */
    static RowBatch changelog(BufferAllocator allocator, RowType type, Object[]... kindsAndRows) {
        Object[][] values = new Object[kindsAndRows.length][];
        for (int r = 0; r < kindsAndRows.length; r++) {
            Object[] row = kindsAndRows[r];
            values[r] = java.util.Arrays.copyOfRange(row, 1, row.length);
        }
        RowBatch b = TestBatches.batch(allocator, type, values);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(Math.max(1, kindsAndRows.length));
        for (int r = 0; r < kindsAndRows.length; r++) {
            k.set(r, ((RowKind) kindsAndRows[r][0]).toByteValue());
        }
        k.setValueCount(kindsAndRows.length);
        b.setRowKinds(k);
        return b;
    }
}
