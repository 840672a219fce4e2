package io.sluice.runtime.operator.correlate;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.util.function.Consumer;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Receives the rows a table function emits for the current input row and appends output rows: the input
 * row's columns followed by the function's columns. For a LEFT correlate an input row without function rows
 * is appended once with NULL function columns. Function rows are {@link Row}s, or single values when the
 * function has one column. Records which input row each output row came from (for row kinds).
 */
public final class CorrelateCollector implements Consumer<Object> {
    private final RowType functionType;
    private final int leftColumns;
    private final boolean leftJoin;
    private VectorSchemaRoot input;
    private RowBatch out;
    private int currentRow;
    private int rowsForCurrent;
    private int written;
    private int[] sources = new int[16];

    public CorrelateCollector(int leftColumns, RowType functionType, boolean leftJoin) {
        this.leftColumns = leftColumns;
        this.functionType = functionType;
        this.leftJoin = leftJoin;
    }

    /** Starts collecting into {@code out} for rows of {@code input}. */
    void begin(VectorSchemaRoot input, RowBatch out) {
        this.input = input;
        this.out = out;
        this.written = 0;
    }

    /** Number of output rows written since {@link #begin}. */
    int written() {
        return written;
    }

    /** The input row of output row {@code k}. */
    int source(int k) {
        return sources[k];
    }

    /** The function is about to be called for input row {@code row}. */
    public void startRow(int row) {
        currentRow = row;
        rowsForCurrent = 0;
    }

    /** The call for the current row returned. */
    public void endRow() {
        if (leftJoin && rowsForCurrent == 0) {
            int pos = appendLeft();
            for (int c = 0; c < functionType.size(); c++) {
                VectorValues.setNull(out.vector(leftColumns + c), pos);
            }
        }
    }

    @Override
    public void accept(Object value) {
        int pos = appendLeft();
        rowsForCurrent++;
        if (value instanceof Row) {
            Row row = (Row) value;
            if (row.getArity() != functionType.size()) {
                throw new IllegalStateException("the table function emitted a row of " + row.getArity()
                        + " fields; its declared row type has " + functionType.size());
            }
            for (int c = 0; c < functionType.size(); c++) {
                VectorValues.set(functionType.type(c), out.vector(leftColumns + c), pos, row.getField(c));
            }
        } else {
            VectorValues.set(functionType.type(0), out.vector(leftColumns), pos, value);
        }
    }

    private int appendLeft() {
        int pos = written++;
        if (pos == sources.length) {
            sources = java.util.Arrays.copyOf(sources, sources.length * 2);
        }
        sources[pos] = currentRow;
        for (int c = 0; c < leftColumns; c++) {
            FieldVector to = out.vector(c);
            to.copyFromSafe(currentRow, pos, input.getVector(c));
        }
        return pos;
    }
}
