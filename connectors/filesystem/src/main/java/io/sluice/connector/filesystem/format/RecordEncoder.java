package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Writes the rows of batches to one output stream in a file format. Used by one thread. */
public interface RecordEncoder {
    /** Encodes every row of {@code batch} (its row kinds are ignored); does not retain the batch. */
    void write(RowBatch batch) throws IOException;

    /** Writes out anything buffered. */
    void flush() throws IOException;
}
