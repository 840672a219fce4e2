package io.sluice.connector.kafka.format;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Decodes messages with a file format's decoder ({@code csv}, {@code json}): each message is a one-record file
 * whose row is appended to the caller's batch, so many messages fill one batch.
 */
final class FileFormatMessageDecoder implements MessageDecoder {
    private final RecordDecoderFactory factory;
    private final RowType physicalType;
    private final int[] projectedFields;
    /** Format metadata written after the projected columns (changelog formats only). */
    private final List<String> metadataKeys;

    FileFormatMessageDecoder(RecordDecoderFactory factory, RowType physicalType, int[] projectedFields,
            List<String> metadataKeys) {
        this.factory = factory;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
        this.metadataKeys = List.copyOf(metadataKeys);
    }

    /**
     * Joins the messages with line breaks into one text and decodes it with a single decoder, when no message is
     * empty or holds a line break itself (so records and messages correspond one to one).
     */
    @Override
    public boolean decodeAll(List<byte[]> messages, RowBatch batch) {
        if (!factory.changelogMode().isInsertOnly() || !metadataKeys.isEmpty()) {
            return false; // a change event may hold several rows: decoded one by one
        }
        int total = 0;
        for (byte[] m : messages) {
            if (m.length == 0) {
                return false;
            }
            for (byte b : m) {
                if (b == '\n' || b == '\r') {
                    return false;
                }
            }
            total += m.length + 1;
        }
        byte[] text = new byte[total];
        int at = 0;
        for (byte[] m : messages) {
            System.arraycopy(m, 0, text, at, m.length);
            at += m.length;
            text[at++] = '\n';
        }
        try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(text), "messages", physicalType,
                projectedFields)) {
            while (batch.rowCount() < messages.size() && decoder.decode(batch, messages.size())) {
                // decode fills the batch up to the number of messages
            }
            return batch.rowCount() == messages.size() && decoder.skippedRecords() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Decodes the rows of one message (a changelog format's event may hold none or several, e.g. {@code -U} and
     * {@code +U}); false when the format skipped the message as malformed.
     */
    @Override
    public boolean decode(byte[] message, RowBatch batch, String position) throws IOException {
        int before = batch.rowCount();
        try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(message), position,
                physicalType, projectedFields, metadataKeys)) {
            if (factory.changelogMode().isInsertOnly()) {
                decoder.decode(batch, before + 1);
                return batch.rowCount() > before;
            }
            while (decoder.decode(batch, batch.rowCount() + 1)) {
                // every row of the event
            }
            return decoder.skippedRecords() == 0;
        }
    }
}
