package io.sluice.table.api.bridge.internal;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Turns an upsert changelog (inserts, update-after rows and deletes identified by a primary key, without
 * update-before rows) into a complete one, as Flink's changelog normalization does: it keeps the latest row of every
 * key, so an update of a known key becomes {@code -U} of the previous row followed by {@code +U}, an update of an
 * unknown key an insert, a delete {@code -D} of the previous row (a delete of an unknown key is dropped), and a row
 * equal to the key's current one is dropped. Emits the projected columns.
 *
 * <p><b>Streaming semantics.</b> Input: {@code +I}, {@code +U}, {@code -D} rows, hash-partitioned by the key
 * ({@code -U} rows are ignored). Output: all row kinds. State: the latest row per key, without TTL, saved in
 * checkpoints. Watermarks are forwarded.
 */
final class UpsertNormalizeOperator implements StreamOperator, CheckpointedOperator {
    private final RowType inputType;
    private final int[] keyFields;
    private final int[] projection;
    private final RowType producedType;
    private final Map<List<Object>, Object[]> latest = new HashMap<>();
    private OperatorContext context;
    private Output output;
    private RowBatch out;
    private TinyIntVector kinds;
    private int rows;

    UpsertNormalizeOperator(RowType inputType, int[] keyFields, int[] projection, RowType producedType) {
        this.inputType = inputType;
        this.keyFields = keyFields;
        this.projection = projection;
        this.producedType = producedType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            for (int r = 0; r < batch.rowCount(); r++) {
                Object[] values = new Object[inputType.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = VectorValues.get(inputType.type(c), batch.vector(c), r);
                }
                List<Object> key = key(values);
                RowKind kind = batch.rowKind(r);
                if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                    Object[] previous = latest.put(key, values);
                    if (previous == null) {
                        add(RowKind.INSERT, values);
                    } else if (!Arrays.equals(previous, values)) {
                        add(RowKind.UPDATE_BEFORE, previous);
                        add(RowKind.UPDATE_AFTER, values);
                    }
                } else if (kind == RowKind.DELETE) {
                    Object[] previous = latest.remove(key);
                    if (previous != null) {
                        add(RowKind.DELETE, previous);
                    }
                }
            }
        }
        flush();
    }

    private List<Object> key(Object[] values) {
        List<Object> key = new ArrayList<>(keyFields.length);
        for (int k : keyFields) {
            key.add(values[k]);
        }
        return key;
    }

    private void add(RowKind kind, Object[] values) {
        if (out == null) {
            out = RowBatch.allocate(producedType, context.allocator(), 16);
            kinds = new TinyIntVector("$row_kind", context.allocator());
            kinds.allocateNew(16);
            out.setRowKinds(kinds);
            rows = 0;
        }
        for (int c = 0; c < projection.length; c++) {
            VectorValues.set(producedType.type(c), out.vector(c), rows, values[projection[c]]);
        }
        kinds.setSafe(rows, kind.toByteValue());
        rows++;
    }

    private void flush() throws Exception {
        if (out != null) {
            RowBatch b = out;
            out = null;
            b.setRowCount(rows);
            output.emit(b);
        }
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void snapshotState(StateWriter writer) throws Exception {
        writer.writeInt(latest.size());
        for (Object[] row : latest.values()) {
            for (int c = 0; c < row.length; c++) {
                writer.writeValue(inputType.type(c), row[c]);
            }
        }
    }

    @Override
    public void restoreState(StateReader reader) throws Exception {
        int n = reader.readInt();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[inputType.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = reader.readValue(inputType.type(c));
            }
            latest.put(key(row), row);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
