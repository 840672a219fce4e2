package io.sluice.connector.file.src.reader;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.configuration.Configuration;
import io.sluice.core.fs.FSDataInputStream;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads records from a file's byte stream, one at a time ({@code FileSource.forRecordStreamFormat}). Most formats
 * extend {@link SimpleStreamFormat}; {@link TextLineInputFormat} reads lines.
 *
 * <p>Sluice reads every file whole ({@code splitEnd} is the file's length) and checkpoints, per parallel instance,
 * the file it reads and how many records it has read of it; a restored instance opens the file again with
 * {@link #createReader} and skips that many records.
 */
public interface StreamFormat<T> extends java.io.Serializable {
    /** A reader of {@code stream} (at the file's start) for the bytes up to {@code splitEnd}. */
    Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException;

    /** A reader of {@code stream} positioned at {@code restoredOffset} (an offset a reader checkpointed). */
    Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException;

    /** Whether a file may be read in parts starting at other offsets than 0 (Sluice reads files whole). */
    boolean isSplittable();

    /** The type of the records. */
    TypeInformation<T> getProducedType();

    /** Reads the records of one file. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end of the file. */
        T read() throws IOException;

        /**
         * Where the reader could resume after the last record it returned; null by default. Sluice does not use it:
         * a restored reader reads its file again up to its record.
         */
        default io.sluice.connector.file.src.util.CheckpointedPosition getCheckpointedPosition() {
            return null;
        }

        @Override
        void close() throws IOException;
    }
}
