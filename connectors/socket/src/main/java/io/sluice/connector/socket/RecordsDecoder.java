package io.sluice.connector.socket;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Decodes records received from a stream with a file format's decoder, appending one row per record to a batch.
 * Records without line breaks are joined into one text and decoded by a single decoder; otherwise, or when that
 * decoder does not produce exactly one row per record, each record is decoded as a one-record file, so that an
 * error names the record's position. Used by one thread.
 */
final class RecordsDecoder {
    private final RecordDecoderFactory factory;
    private final RowType physicalType;
    private final int[] projectedFields;
    private final String source;
    private long skipped;

    RecordsDecoder(RecordDecoderFactory factory, RowType physicalType, int[] projectedFields, String source) {
        this.factory = factory;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
        this.source = source;
    }

    /**
     * Appends the rows of {@code records} to {@code batch} (empty, with room for them).
     *
     * @param firstRecord the number of records received before these, for error messages
     * @throws io.sluice.table.api.TableException for a malformed record (unless the format skips them), naming the
     *     source and the record's number
     */
    void decode(List<byte[]> records, RowBatch batch, long firstRecord) throws IOException {
        if (decodeJoined(records, batch)) {
            return;
        }
        batch.setRowCount(0);
        for (int i = 0; i < records.size(); i++) {
            String position = source + " (record " + (firstRecord + i + 1) + ")";
            int before = batch.rowCount();
            try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(records.get(i)), position,
                    physicalType, projectedFields)) {
                decoder.decode(batch, before + 1);
                skipped += decoder.skippedRecords();
            }
        }
    }

    private boolean decodeJoined(List<byte[]> records, RowBatch batch) {
        int total = 0;
        for (byte[] r : records) {
            if (r.length == 0) {
                return false;
            }
            for (byte b : r) {
                if (b == '\n' || b == '\r') {
                    return false;
                }
            }
            total += r.length + 1;
        }
        byte[] text = new byte[total];
        int at = 0;
        for (byte[] r : records) {
            System.arraycopy(r, 0, text, at, r.length);
            at += r.length;
            text[at++] = '\n';
        }
        try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(text), source, physicalType,
                projectedFields)) {
            while (batch.rowCount() < records.size() && decoder.decode(batch, records.size())) {
                // fills the batch up to one row per record
            }
            return batch.rowCount() == records.size() && decoder.skippedRecords() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Malformed records skipped (with the format's ignore-parse-errors option). */
    long skippedRecords() {
        return skipped;
    }
}
