package io.sluice.runtime.operator.values;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of literal rows, for SQL {@code VALUES} and {@code TableEnvironment.fromValues}.
 * Rows hold external Java values as {@link VectorValues} accepts them (one array element per column of
 * {@code type}, null for NULL). A reader emits the projected columns of every row, in order, in
 * batches of at most {@code table.exec.batch-size} rows; with parallelism above one only subtask 0
 * emits rows, so each row appears once. A reader's checkpoint position is the number of rows it has
 * emitted; a restored reader continues with the next row.
 */
public final class ValuesSource implements ScanTableSource {
    private final RowType type;
    private final List<Object[]> rows;

    public ValuesSource(RowType type, List<Object[]> rows) {
        for (Object[] row : rows) {
            if (row.length != type.size()) {
                throw new IllegalArgumentException("VALUES row has " + row.length + " fields, expected " + type.size());
            }
        }
        this.type = type;
        this.rows = new ArrayList<>(rows);
    }

    public RowType type() {
        return type;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new ValuesReader(context);
    }

    @Override
    public String describe() {
        return "values(rows=" + rows.size() + ")";
    }

    private final class ValuesReader implements SourceReader {
        private final ReaderContext context;
        private final int[] fields;
        private final RowType producedType;
        private int next;

        ValuesReader(ReaderContext context) {
            this.context = context;
            int[] projected = context.projectedFields();
            if (projected == null) {
                projected = new int[type.size()];
                for (int i = 0; i < projected.length; i++) {
                    projected[i] = i;
                }
            }
            this.fields = projected;
            this.producedType = context.producedType() != null ? context.producedType() : type.project(fields);
            this.next = context.subtaskIndex() == 0 ? 0 : rows.size();
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            if (next >= rows.size()) {
                return ReadStatus.END_OF_INPUT;
            }
            int count = Math.min(context.batchSize(), rows.size() - next);
            RowBatch batch = RowBatch.allocate(producedType, context.allocator(), count);
            try {
                for (int c = 0; c < fields.length; c++) {
                    int field = fields[c];
                    for (int r = 0; r < count; r++) {
                        VectorValues.set(type.type(field), batch.vector(c), r, rows.get(next + r)[field]);
                    }
                }
                batch.setRowCount(count);
            } catch (RuntimeException e) {
                batch.close();
                throw e;
            }
            next += count;
            output.emit(batch);
            return next >= rows.size() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public byte[] snapshotPosition() {
            return java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(next).array();
        }

        @Override
        public void restorePosition(byte[] position) {
            if (position == null || position.length != Integer.BYTES) {
                throw new TableException("Cannot restore the position of a VALUES source: expected "
                        + Integer.BYTES + " bytes, got " + (position == null ? "none" : position.length));
            }
            int restored = java.nio.ByteBuffer.wrap(position).getInt();
            if (restored < 0 || restored > rows.size()) {
                throw new TableException("Cannot restore the position of a VALUES source: row " + restored
                        + " of " + rows.size() + " (the checkpoint belongs to a different query)");
            }
            next = Math.max(next, restored);
        }

        @Override
        public void close() {
        }
    }
}
