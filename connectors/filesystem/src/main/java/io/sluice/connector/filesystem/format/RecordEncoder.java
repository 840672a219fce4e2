package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Writes the rows of batches to one output stream in a file format. Used by one thread. */
public interface RecordEncoder {
    /** Encodes every row of {@code batch} (its row kinds are ignored); does not retain the batch. */
    void write(RowBatch batch) throws IOException;

    /**
     * Writes out anything buffered. The filesystem sink calls it once, when the file is complete (a format
     * with a trailer, such as Parquet's footer, writes it then).
     */
    void flush() throws IOException;

    /**
     * Bytes the encoder holds that it has not written to its stream yet (e.g. a Parquet row group being built),
     * so that a rolling policy can tell a file's size; 0 by default.
     */
    default long bufferedBytes() {
        return 0;
    }
}
