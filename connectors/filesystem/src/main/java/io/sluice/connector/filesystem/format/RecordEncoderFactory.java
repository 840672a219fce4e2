package io.sluice.connector.filesystem.format;

import java.io.OutputStream;

/** Creates one {@link RecordEncoder} per file written. Immutable and shareable between writers. */
public interface RecordEncoderFactory {
    /** An encoder writing to {@code out} (the caller closes the stream after {@link RecordEncoder#flush()}). */
    RecordEncoder createEncoder(OutputStream out);

    /** The extension of files written in this format, without the dot, e.g. {@code csv}. */
    String fileExtension();
}
