package io.sluice.connector.filesystem.format;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.io.InputStream;

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
}
