package io.sluice.connector.filesystem.format;

import io.sluice.runtime.types.RowType;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

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
     * A decoder of the file {@code file}; by default over a stream of its bytes. Formats that need random access
     * (Parquet reads its footer first) override this.
     */
    default RecordDecoder createDecoder(Path file, RowType physicalType, int[] projectedFields) throws IOException {
        return createDecoder(new FileInputStream(file.toFile()), file.toString(), physicalType, projectedFields);
    }
}
