package io.sluice.connector.socket;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.connector.BadRecordCollector;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes records received from a stream with a file format's decoder, appending one row per record to a batch.
 * Records without line breaks are joined into one text and decoded by a single decoder; otherwise, or when that
 * decoder does not produce exactly one row per record, each record is decoded as a one-record file, so that an
 * error names the record's position. With a {@link BadRecordCollector} (the table routes its bad records to a
 * table), a record the format cannot decode goes there with its number, error and bytes, and the others are decoded
 * into a fresh batch. Used by one thread.
 */
final class RecordsDecoder {
    private final RecordDecoderFactory factory;
    private final RowType physicalType;
    private final int[] projectedFields;
    private final String source;
    private long skipped;
    /** Null unless the job routes the table's bad records to a table. */
    private final BadRecordCollector badRecords;

    RecordsDecoder(RecordDecoderFactory factory, RowType physicalType, int[] projectedFields, String source,
            BadRecordCollector badRecords) {
        this.factory = factory;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
        this.source = source;
        this.badRecords = badRecords;
    }

    /**
     * The rows of {@code records} in a batch from {@code newBatch} (empty, with room for them).
     *
     * @param firstRecord the number of records received before these, for error messages
     * @throws io.sluice.table.api.TableException for a malformed record (unless the format skips them, or the table
     *     routes bad records), naming the source and the record's number
     */
    RowBatch decode(List<byte[]> records, long firstRecord, Supplier<RowBatch> newBatch) throws Exception {
        RowBatch batch = newBatch.get();
        try {
            if (decodeJoined(records, batch)) {
                return batch;
            }
            batch.setRowCount(0);
            boolean[] bad = new boolean[records.size()];
            while (true) {
                int failed = decodeEach(records, batch, firstRecord, bad);
                if (failed < 0) {
                    if (badRecords != null) {
                        badRecords.flush();
                    }
                    return batch;
                }
                // a failed decode may have written part of a row: start again from a fresh batch without that record
                bad[failed] = true;
                batch.close();
                batch = null;
                batch = newBatch.get();
            }
        } catch (Exception | Error e) {
            if (batch != null) {
                batch.close();
            }
            throw e;
        }
    }

    /**
     * Decodes the records not marked {@code bad} one by one into {@code batch}; returns the index of the first that
     * fails and is routed to the bad-records table, or -1.
     */
    private int decodeEach(List<byte[]> records, RowBatch batch, long firstRecord, boolean[] bad) throws Exception {
        long skippedHere = 0;
        for (int i = 0; i < records.size(); i++) {
            if (bad[i]) {
                continue;
            }
            String position = source + " (record " + (firstRecord + i + 1) + ")";
            int before = batch.rowCount();
            try (RecordDecoder decoder = factory.createDecoder(new ByteArrayInputStream(records.get(i)), position,
                    physicalType, projectedFields)) {
                decoder.decode(batch, before + 1);
                skippedHere += decoder.skippedRecords();
            } catch (TableException e) {
                if (badRecords == null || e instanceof UnsupportedFeatureException) {
                    throw e;
                }
                badRecords.add(source, null, firstRecord + i + 1, e.getMessage(), records.get(i));
                return i;
            }
        }
        skipped += skippedHere;
        return -1;
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
