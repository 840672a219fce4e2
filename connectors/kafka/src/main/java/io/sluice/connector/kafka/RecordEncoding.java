package io.sluice.connector.kafka;

import io.sluice.connector.kafka.format.MessageEncoder;
import io.sluice.connector.kafka.format.MessageFormats;
import io.sluice.runtime.data.RowBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Encodes the rows of a sink's batches into record keys and values. Used by one thread. */
final class RecordEncoding {
    private final KafkaTableLayout layout;
    private final MessageEncoder keyEncoder;
    private final MessageEncoder valueEncoder;

    RecordEncoding(KafkaTableLayout layout, ClassLoader classLoader) {
        this.layout = layout;
        this.valueEncoder = MessageFormats.encoder(layout.valueFormat(), layout.valueContext(), classLoader);
        this.keyEncoder = layout.keyFormat() == null ? null
                : MessageFormats.encoder(layout.keyFormat(), layout.keyContext(), classLoader);
    }

    /** The keys of the rows, or null when records have no key. */
    byte[][] keys(RowBatch batch) throws IOException {
        return keyEncoder == null ? null : keyEncoder.encode(view(batch, layout.keyFields(), layout.keyContext()
                .physicalRowType()));
    }

    byte[][] values(RowBatch batch) throws IOException {
        return valueEncoder.encode(view(batch, layout.valueFields(), layout.valueContext().physicalRowType()));
    }

    /**
     * The columns {@code fields} of {@code batch} as a batch sharing its vectors and row kinds (not to be closed).
     */
    private static RowBatch view(RowBatch batch, int[] fields, io.sluice.runtime.types.RowType type) {
        List<FieldVector> vectors = new ArrayList<>(fields.length);
        for (int f : fields) {
            vectors.add(batch.vector(f));
        }
        VectorSchemaRoot root = new VectorSchemaRoot(vectors);
        root.setRowCount(batch.rowCount());
        return new RowBatch(type, root, batch.rowKinds());
    }
}
