package io.sluice.connector.filesystem.format;

import io.sluice.runtime.connector.ChangelogMode;
import java.io.OutputStream;

/** Creates one {@link RecordEncoder} per file written. Immutable and shareable between writers. */
public interface RecordEncoderFactory {
    /** An encoder writing to {@code out} (the caller closes the stream after {@link RecordEncoder#flush()}). */
    RecordEncoder createEncoder(OutputStream out);

    /** The extension of files written in this format, without the dot, e.g. {@code csv}. */
    String fileExtension();

    /**
     * The row kinds the encoders write. Insert-only by default (encoders ignore row kinds and a sink accepts only
     * inserts); a changelog format returns {@link ChangelogMode#all()} and encodes each row's kind in its record.
     */
    default ChangelogMode changelogMode() {
        return ChangelogMode.insertOnly();
    }
}
