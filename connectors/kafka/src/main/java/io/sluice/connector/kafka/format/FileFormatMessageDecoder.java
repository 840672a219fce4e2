package io.sluice.connector.kafka.format;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Decodes messages with a file format's decoder ({@code csv}, {@code json}): each message is a one-record file
 * whose row is appended to the caller's batch, so many messages fill one batch.
 */
final class FileFormatMessageDecoder implements MessageDecoder {
    private final RecordDecoderFactory factory;
    private final RowType physicalType;
    private final int[] projectedFields;

    FileFormatMessageDecoder(RecordDecoderFactory factory, RowType physicalType, int[] projectedFields) {
        this.factory = factory;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
    }

    @Override
    public boolean decode(byte[] message, RowBatch batch, String position) throws IOException {
        int before = batch.rowCount();
        try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(message), position,
                physicalType, projectedFields)) {
            decoder.decode(batch, before + 1);
        }
        return batch.rowCount() > before;
    }
}
