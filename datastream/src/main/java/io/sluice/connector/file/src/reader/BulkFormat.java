package io.sluice.connector.file.src.reader;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.FileSourceSplit;
import io.sluice.connector.file.src.util.RecordAndPosition;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads a file split in batches of records ({@code FileSource.forBulkFileFormat}): columnar formats decode a block
 * at a time. Sluice reads each file as one split and checkpoints, per parallel instance, the file and the number of
 * records read from it; a restored instance creates the reader of the file again ({@link #createReader}) and skips
 * that many records.
 *
 * @param <T> the records
 * @param <SplitT> the split type (Sluice hands {@link FileSourceSplit}s)
 */
public interface BulkFormat<T, SplitT extends FileSourceSplit> extends Serializable {
    /** A reader of {@code split} from its start. */
    Reader<T> createReader(Configuration config, SplitT split) throws IOException;

    /** A reader of {@code split} from its {@code getReaderPosition()} (or its start when it has none). */
    Reader<T> restoreReader(Configuration config, SplitT split) throws IOException;

    /** Whether a file may be read in parts (Sluice reads files whole). */
    boolean isSplittable();

    /** The type of the records. */
    TypeInformation<T> getProducedType();

    /** Reads the batches of one split. */
    interface Reader<T> extends Closeable {
        /** The next batch, or null at the end of the split. */
        RecordIterator<T> readBatch() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** The records of one batch. */
    interface RecordIterator<T> {
        /** The next record with its position, or null at the end of the batch. */
        RecordAndPosition<T> next();

        /** The batch has been read: its resources may be reused or freed. */
        void releaseBatch();
    }
}
