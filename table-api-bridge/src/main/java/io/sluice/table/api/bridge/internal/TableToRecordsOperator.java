package io.sluice.table.api.bridge.internal;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * The boundary where a table becomes a DataStream: turns each row of the table's Arrow batches into a record
 * ({@code Row} with its row kind, or a POJO) and serializes it into the DataStream runtime's record batches, with the
 * value of the table's single rowtime column (if it has one) as the record's timestamp. One output batch per input
 * batch; watermarks pass on unchanged.
 *
 * <p><b>Streaming semantics.</b> Input: any changelog the conversion accepts (checked when the table is converted).
 * Output: one record per row. Stateless.
 */
final class TableToRecordsOperator implements StreamOperator {
    private final RowType inputType;
    private final RecordFactory factory;
    private final int rowtimeColumn;
    private final int recordColumns;
    private final TypeInformation<?> recordType;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream data = new DataOutputStream(bytes);
    private StateSerializer<Object> serializer;
    private OperatorContext context;
    private Output output;

    /**
     * Records of the first {@code recordColumns} columns of {@code inputType}, timestamped with the value of column
     * {@code rowtimeColumn} (-1: none).
     */
    TableToRecordsOperator(RowType inputType, RecordFactory factory, int rowtimeColumn, int recordColumns,
            TypeInformation<?> recordType) {
        this.inputType = inputType;
        this.factory = factory;
        this.rowtimeColumn = rowtimeColumn;
        this.recordColumns = recordColumns;
        this.recordType = recordType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.serializer = (StateSerializer<Object>) StateStore.serializerOf(recordType);
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        try (batch) {
            int rows = batch.rowCount();
            if (rows == 0) {
                return;
            }
            RowBatch out = RowBatch.allocate(RecordBatches.TYPE, context.allocator(), rows);
            try {
                VarBinaryVector records = (VarBinaryVector) out.vector(RecordBatches.RECORD);
                BigIntVector timestamps = (BigIntVector) out.vector(RecordBatches.TIMESTAMP);
                IntVector hashes = (IntVector) out.vector(RecordBatches.KEY_HASH);
                IntVector exits = (IntVector) out.vector(RecordBatches.EXIT);
                Object[] values = new Object[inputType.size()];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < values.length; c++) {
                        values[c] = VectorValues.get(inputType.type(c), batch.vector(c), r);
                    }
                    RowKind kind = batch.rowKind(r);
                    Object record = factory.create(kind, java.util.Arrays.copyOf(values, recordColumns));
                    bytes.reset();
                    serializer.serialize(record, data);
                    data.flush();
                    records.setSafe(r, bytes.toByteArray());
                    long ts = rowtimeColumn < 0 ? RecordBatches.NO_TIMESTAMP : timestamp(values[rowtimeColumn]);
                    if (ts == RecordBatches.NO_TIMESTAMP) {
                        timestamps.setNull(r);
                    } else {
                        timestamps.setSafe(r, ts);
                    }
                    hashes.setNull(r);
                    exits.setSafe(r, 0);
                }
                out.setRowCount(rows);
            } catch (Exception | Error e) {
                out.close();
                throw e;
            }
            output.emit(out);
        }
    }

    private long timestamp(Object value) {
        if (value instanceof Instant) {
            return ((Instant) value).toEpochMilli();
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return RecordBatches.NO_TIMESTAMP;
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
