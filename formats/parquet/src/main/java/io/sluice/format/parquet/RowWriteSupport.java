package io.sluice.format.parquet;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands the rows of Arrow batches to Parquet's column writers. The record type is a cursor over a batch
 * ({@link Cursor}), one instance reused for every row, so writing allocates nothing per row.
 */
final class RowWriteSupport extends WriteSupport<RowWriteSupport.Cursor> {
    /** A position in a batch: the record Parquet's writer is handed. */
    static final class Cursor {
        RowBatch batch;
        int row;
    }

    private final RowType type;
    private final MessageType schema;
    private final ValueWriters.ValueWriter[] writers;
    private final String[] names;
    private final boolean[] required;
    private RecordConsumer consumer;

    RowWriteSupport(RowType type, ParquetFormatConfig config) {
        this.type = type;
        this.schema = ParquetSchemas.messageType(type, config);
        this.writers = new ValueWriters.ValueWriter[type.size()];
        this.names = new String[type.size()];
        this.required = new boolean[type.size()];
        for (int i = 0; i < type.size(); i++) {
            writers[i] = ValueWriters.of(type.type(i), config);
            names[i] = type.name(i);
            required[i] = !type.type(i).isNullable();
        }
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public String getName() {
        return "sluice";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Cursor cursor) {
        consumer.startMessage();
        for (int c = 0; c < writers.length; c++) {
            FieldVector vector = cursor.batch.vector(c);
            if (vector.isNull(cursor.row)) {
                if (required[c]) {
                    throw new TableException("Cannot write NULL into the NOT NULL column '" + names[c] + "' of a"
                            + " parquet file (row type " + type + ").");
                }
                continue;
            }
            consumer.startField(names[c], c);
            writers[c].write(consumer, vector, cursor.row);
            consumer.endField(names[c], c);
        }
        consumer.endMessage();
    }
}
