package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Encodes each row of a batch into one message ({@link SingleMessageFormat}). Used by one thread. */
public interface SingleMessageEncoder {
    /** One message per row of {@code batch}, in row order (null for a row the format writes as no message). */
    byte[][] encode(RowBatch batch) throws IOException;
}
