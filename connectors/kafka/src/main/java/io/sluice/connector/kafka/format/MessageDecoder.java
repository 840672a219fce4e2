package io.sluice.connector.kafka.format;

import io.sluice.runtime.data.RowBatch;
import java.io.IOException;

/** Decodes the bytes of single messages (a record's key or value) into rows of a batch. Used by one thread. */
public interface MessageDecoder {
    /**
     * Appends the row held by {@code message} at row {@code batch.rowCount()} and increments the row count. A
     * changelog format (e.g. {@code debezium-json}) appends the message's rows, none or several, and sets each one's
     * kind in the batch's row-kind vector.
     *
     * @param position names the message in errors, e.g. {@code table t, topic orders, partition 0, offset 17}
     * @return false when the message was malformed and skipped (the format ignores parse errors)
     * @throws io.sluice.table.api.TableException for a malformed message, naming the position and the field
     */
    boolean decode(byte[] message, RowBatch batch, String position) throws IOException;

    /**
     * A fast path for many messages: decodes each of {@code messages} into exactly one row of the empty
     * {@code batch}, in order. Returns false when that is not possible (a malformed or multi-record message, or a
     * decoder without a fast path); the batch's content is then undefined and the caller discards it and decodes
     * the messages one by one with {@link #decode}, which reports errors with their position.
     */
    default boolean decodeAll(java.util.List<byte[]> messages, RowBatch batch) {
        return false;
    }
}
