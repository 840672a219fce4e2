package io.sluice.connector.filesystem.format.changelog;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.data.RowBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each row of a changelog as one change event per line: the json format's encoder writes the row images,
 * and the {@link ChangelogProtocol} wraps each in an event carrying the row's kind. Used by one thread.
 */
final class ChangelogJsonEncoder implements RecordEncoder {
    private final OutputStream out;
    private final ChangelogProtocol protocol;
    private final RecordEncoderFactory rowEncoders;
    private final ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 12);

    ChangelogJsonEncoder(OutputStream out, ChangelogProtocol protocol, RecordEncoderFactory rowEncoders) {
        this.out = out;
        this.protocol = protocol;
        this.rowEncoders = rowEncoders;
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        rows.reset();
        RecordEncoder encoder = rowEncoders.createEncoder(rows);
        encoder.write(batch);
        encoder.flush();
        byte[] text = rows.toByteArray();
        int start = 0;
        for (int r = 0; r < batch.rowCount(); r++) {
            int end = start;
            while (text[end] != '\n') {
                end++; // the json encoder escapes line breaks inside values: each row is one line
            }
            protocol.writeEvent(batch.rowKind(r), text, start, end - start, out);
            out.write('\n');
            start = end + 1;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
