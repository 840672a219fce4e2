package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The rows a table aggregate function emitted and that are not written out yet: each is the group's key values
 * followed by the function's values, with its row kind. {@link #emit} writes them as one batch; a value that does
 * not fit its output column fails with the function's name, the value and the column.
 */
final class TableAggregateRows {
    private final RowType outputType;
    private final String functionDescription;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<RowKind> kinds = new ArrayList<>();

    TableAggregateRows(RowType outputType, String functionDescription) {
        this.outputType = outputType;
        this.functionDescription = functionDescription;
    }

    /** Adds the row {@code key} + {@code values} of kind {@code kind}. */
    void add(RowKind kind, Object[] key, Object[] values) {
        Object[] row = Arrays.copyOf(key, key.length + values.length);
        System.arraycopy(values, 0, row, key.length, values.length);
        rows.add(row);
        kinds.add(kind);
    }

    /** The number of rows not written out yet. */
    int size() {
        return rows.size();
    }

    /** Writes the rows added so far to {@code output} as one batch (nothing when there are none) and forgets them. */
    void emit(BufferAllocator allocator, Output output) throws Exception {
        int n = rows.size();
        if (n == 0) {
            return;
        }
        RowBatch out = RowBatch.allocate(outputType, allocator, n);
        try {
            TinyIntVector kindVector = new TinyIntVector("$row_kind", allocator);
            out.setRowKinds(kindVector);
            kindVector.allocateNew(n);
            for (int i = 0; i < n; i++) {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    set(out, i, c, row[c]);
                }
                kindVector.set(i, kinds.get(i).toByteValue());
            }
            out.setRowCount(n);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        } finally {
            rows.clear();
            kinds.clear();
        }
        output.emit(out);
    }

    private void set(RowBatch out, int row, int column, Object value) {
        try {
            VectorValues.set(outputType.type(column), out.vector(column), row, value);
        } catch (RuntimeException e) {
            throw new TableException("Table aggregate function " + functionDescription + " emitted " + value + " ("
                    + (value == null ? "null" : value.getClass().getName()) + ") for column "
                    + outputType.name(column) + " of type " + outputType.type(column) + ": " + e, e);
        }
    }
}
