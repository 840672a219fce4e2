package io.sluice.table.api.bridge.internal;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.RecordBytes;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.time.Instant;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The boundary where a DataStream becomes a table: reads the serialized records of the stream's chains and writes
 * each as one row of an Arrow batch of the table's scanned columns (the record's fields, and its timestamp as the
 * {@code rowtime} metadata column). One output batch per input batch; watermarks pass on unchanged.
 *
 * <p><b>Streaming semantics.</b> Input: records (Rows with their {@link RowKind} for a changelog stream). Output:
 * insert-only rows, or the records' row kinds for a changelog stream. Stateless; watermarks are forwarded, so the
 * stream's watermarks are the table's source watermarks ({@code SOURCE_WATERMARK()}).
 */
final class RecordsToTableOperator implements StreamOperator {
    private final ScanLayout layout;
    private final int[] exits;
    private final TypeInformation<?> recordType;
    private final RecordBytes.Input recordInput = new RecordBytes.Input();
    private StateSerializer<?> serializer;
    private OperatorContext context;
    private Output output;
    private long records;

    RecordsToTableOperator(ScanLayout layout, int[] exits, TypeInformation<?> recordType) {
        this.layout = layout;
        this.exits = exits;
        this.recordType = recordType;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.serializer = StateStore.serializerOf(recordType);
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int exit = exits[input];
            VarBinaryVector values = RecordBatches.records(batch);
            IntVector exitColumn = RecordBatches.exits(batch);
            RowType produced = layout.producedType();
            RowBatch out = RowBatch.allocate(produced, context.allocator(), batch.rowCount());
            TinyIntVector kinds = null;
            if (layout.changelog()) {
                kinds = new TinyIntVector("$row_kind", context.allocator());
                kinds.allocateNew(Math.max(1, batch.rowCount()));
                out.setRowKinds(kinds);
            }
            int rows = 0;
            try {
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (exit >= 0 && exitColumn.get(r) != exit) {
                        continue;
                    }
                    Object record = serializer.deserialize(recordInput.of(values, r));
                    records++;
                    long timestamp = RecordBatches.timestamp(batch, r);
                    write(out, rows, record, timestamp);
                    if (kinds != null) {
                        RowKind kind = record instanceof Row ? ((Row) record).getKind() : RowKind.INSERT;
                        kinds.setSafe(rows, kind.toByteValue());
                    }
                    rows++;
                }
                out.setRowCount(rows);
            } catch (Exception | Error e) {
                out.close();
                throw e;
            }
            if (rows == 0) {
                out.close();
            } else {
                output.emit(out);
            }
        }
    }

    private void write(RowBatch out, int row, Object record, long timestamp) {
        int[] projection = layout.projection();
        for (int c = 0; c < projection.length; c++) {
            int sourceColumn = projection[c];
            Object value;
            if (sourceColumn == layout.rowtimeColumn()) {
                value = timestamp == RecordBatches.NO_TIMESTAMP ? null : Instant.ofEpochMilli(timestamp);
            } else {
                value = layout.value(record, sourceColumn, records);
            }
            try {
                VectorValues.set(out.type().type(c), out.vector(c), row, value);
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("Record " + records + " of the stream has a value of class "
                        + value.getClass().getName() + " in column '" + out.type().name(c) + "' of type "
                        + out.type().type(c) + ": " + record, e);
            }
        }
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public boolean isStateless() {
        return true;
    }

    @Override
    public void close() {
    }
}
