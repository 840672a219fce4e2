package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Decodes single messages into rows of a batch ({@link SingleMessageFormat}). Used by one thread. */
public interface SingleMessageDecoder {
    /**
     * Appends the row held by {@code message} at row {@code batch.rowCount()} and increments the row count.
     *
     * @param position names the message in errors, e.g. {@code table t, topic orders, partition 0, offset 17}
     * @return false when the message was malformed and skipped (the format ignores parse errors)
     * @throws io.sluice.table.api.TableException for a malformed message, naming the position and the field
     */
    boolean decode(byte[] message, RowBatch batch, String position) throws IOException;
}
