package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import java.io.Closeable;
import java.io.IOException;

/**
 * Decodes the records of one file into Arrow batches. Used by one thread.
 *
 * <p>{@link #decode} appends rows to a batch the caller allocated with the projected row type, so
 * several small files can fill one batch.
 */
public interface RecordDecoder extends Closeable {
    /**
     * Appends decoded rows to {@code batch}, starting at row {@code batch.rowCount()}, until the batch holds
     * {@code maxRows} rows or the file ends, then sets the batch's row count. Rows from
     * {@code batch.rowCount()} on must be unwritten (freshly allocated); the decoder grows vectors as needed.
     *
     * @return false once the whole file has been decoded
     * @throws io.sluice.table.api.TableException for a malformed record (unless the format skips them),
     *     naming the file, the line and, for a bad value, the column
     */
    boolean decode(RowBatch batch, int maxRows) throws IOException;

    /** Records skipped so far because they were malformed (only when the format is told to skip them). */
    long skippedRecords();
}
