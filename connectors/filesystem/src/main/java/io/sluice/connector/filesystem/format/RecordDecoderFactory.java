package io.sluice.connector.filesystem.format;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Creates one {@link RecordDecoder} per file. Immutable and shareable between reader instances. */
public interface RecordDecoderFactory {
    /**
     * A decoder of {@code in} producing the columns {@code projectedFields} (indexes into
     * {@code physicalType}, in output order).
     *
     * @param in the file's bytes; the decoder closes it
     * @param fileName shown in error messages, e.g. {@code /data/bids.csv}
     */
    RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType, int[] projectedFields)
            throws IOException;

    /**
     * The row kinds the decoders produce. Insert-only by default; a changelog format ({@code debezium-json},
     * ...) returns a mode with updates and deletes, and its decoders set the kind of every row they append with
     * {@link RowKinds#set} (a table source over such a format is a changelog source).
     */
    default ChangelogMode changelogMode() {
        return ChangelogMode.insertOnly();
    }

    /**
     * The metadata the decoders can produce per row, by key with its type (e.g. debezium-json's
     * {@code source.timestamp}), in a stable order; empty by default. Connectors expose them with a prefix (Kafka:
     * {@code value.source.timestamp}).
     */
    default Map<String, LogicalType> readableMetadata() {
        return Map.of();
    }

    /**
     * Like {@link #createDecoder(InputStream, String, RowType, int[])}, and after the projected columns the decoder
     * writes the values of {@code metadataKeys} (each a key of {@link #readableMetadata()}) into the batch's next
     * columns, in that order.
     */
    default RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType, int[] projectedFields,
            List<String> metadataKeys) throws IOException {
        if (!metadataKeys.isEmpty()) {
            throw new UnsupportedFeatureException("format metadata " + metadataKeys);
        }
        return createDecoder(in, fileName, physicalType, projectedFields);
    }

    /**
     * A decoder of the file {@code file}; by default over a stream of its bytes. Formats that need random access
     * (Parquet reads its footer first) override this.
     */
    default RecordDecoder createDecoder(Path file, RowType physicalType, int[] projectedFields) throws IOException {
        return createDecoder(new FileInputStream(file.toFile()), file.toString(), physicalType, projectedFields);
    }

    /**
     * With bad-record routing: a decoder of {@code file} that hands each record it cannot decode to {@code listener}
     * and goes on with the next one. By default the format cannot tell single bad records apart and this is the plain
     * decoder (the filesystem source then routes the rest of a file that fails as one bad record).
     */
    default RecordDecoder createDecoder(Path file, RowType physicalType, int[] projectedFields,
            BadRecordListener listener) throws IOException {
        return createDecoder(file, physicalType, projectedFields);
    }
}
