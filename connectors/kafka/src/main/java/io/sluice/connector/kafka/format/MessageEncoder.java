package io.sluice.connector.kafka.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Encodes each row of a batch into the bytes of one message. Used by one thread. */
public interface MessageEncoder {
    /** One message per row of {@code batch}, in row order; does not retain the batch. */
    byte[][] encode(RowBatch batch) throws IOException;
}
