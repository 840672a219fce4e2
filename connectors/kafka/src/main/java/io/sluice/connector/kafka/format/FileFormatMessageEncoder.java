package io.sluice.connector.kafka.format;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.data.RowBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Encodes messages with a file format's encoder ({@code csv}, {@code json}): the batch is encoded once, as a file
 * would be, and the text is cut into one message per row at the record ends the {@link RecordSplitter} finds
 * (the line break ending each record is not part of the message).
 */
final class FileFormatMessageEncoder implements MessageEncoder {
    private final RecordEncoderFactory factory;
    private final RecordSplitter splitter;

    FileFormatMessageEncoder(RecordEncoderFactory factory, RecordSplitter splitter) {
        this.factory = factory;
        this.splitter = splitter;
    }

    @Override
    public byte[][] encode(RowBatch batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * Math.max(1, batch.rowCount()));
        RecordEncoder encoder = factory.createEncoder(out);
        encoder.write(batch);
        encoder.flush();
        byte[] text = out.toByteArray();
        byte[][] messages = new byte[batch.rowCount()][];
        int start = 0;
        for (int row = 0; row < messages.length; row++) {
            int end = splitter.recordEnd(text, start);
            if (end < 0) {
                throw new IllegalStateException("The encoder wrote " + row + " records for " + messages.length
                        + " rows.");
            }
            int contentEnd = end;
            if (contentEnd > start && text[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            messages[row] = Arrays.copyOfRange(text, start, contentEnd);
            start = end + 1;
        }
        return messages;
    }
}
