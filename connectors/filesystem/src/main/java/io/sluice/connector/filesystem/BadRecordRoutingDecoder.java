package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RowKinds;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Decodes a file of a line-based format ({@code csv}, {@code json}, {@code raw}, the changelog JSON formats) so that a
 * record the format cannot decode is handed to a {@link BadRecordSink} instead of failing the read: the file is cut
 * into records (at line breaks outside quoted csv fields), a chunk of records is decoded with one decoder of the
 * format, and only a chunk that fails is decoded again record by record, each bad record going to the sink with the
 * line it starts on and the format's error. The good records keep their order. Used by one thread.
 */
final class BadRecordRoutingDecoder implements RecordDecoder {
    /** Receives the records the format cannot decode, in file order. */
    @FunctionalInterface
    interface BadRecordSink {
        /**
         * @param line the line of the file the record starts on (1-based)
         * @param error the format's error for the record
         * @param raw the record's bytes, without its line break
         */
        void bad(long line, String error, byte[] raw) throws Exception;
    }

    private final InputStream in;
    private final String fileName;
    private final RecordDecoderFactory factory;
    private final RowType physicalType;
    private final int[] projectedFields;
    private final int quote;
    private final int escape;
    private final BufferAllocator allocator;
    private final BadRecordSink sink;
    private final boolean changelog;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
    /** The line the next record starts on. */
    private long line = 1;
    /** Records the format skipped itself ({@code ignore-parse-errors}). */
    private long skipped;
    private boolean eof;

    /**
     * @param in the file's bytes; closed by {@link #close}
     * @param quote the csv quote character, or -1 when records never hold a line break
     * @param escape the csv escape character, or -1
     */
    BadRecordRoutingDecoder(InputStream in, String fileName, RecordDecoderFactory factory, RowType physicalType,
            int[] projectedFields, int quote, int escape, BufferAllocator allocator, BadRecordSink sink) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.fileName = fileName;
        this.factory = factory;
        this.physicalType = physicalType;
        this.projectedFields = projectedFields.clone();
        this.quote = quote;
        this.escape = escape;
        this.allocator = allocator;
        this.sink = sink;
        this.changelog = !factory.changelogMode().isInsertOnly();
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int want = maxRows - batch.rowCount();
        if (want <= 0) {
            return !eof;
        }
        int n = changelog ? Math.max(1, want / 2) : want; // a change event may hold two rows (-U, +U)
        List<byte[]> records = new ArrayList<>(Math.min(n, 4096));
        List<Long> lines = new ArrayList<>(Math.min(n, 4096));
        while (records.size() < n) {
            long start = line;
            byte[] r = nextRecord();
            if (r == null) {
                break;
            }
            records.add(r);
            lines.add(start);
        }
        if (!records.isEmpty()) {
            decodeChunk(records, lines, batch);
        }
        return !eof;
    }

    /** Decodes the records into {@code batch}: all at once, or one by one when that fails. */
    private void decodeChunk(List<byte[]> records, List<Long> lines, RowBatch batch) throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] r : records) {
            joined.write(r);
            joined.write('\n');
        }
        RowBatch scratch = RowBatch.allocate(batch.type(), allocator, records.size());
        try {
            long skippedInChunk = decodeInto(joined.toByteArray(), scratch, records.size());
            append(scratch, batch);
            skipped += skippedInChunk;
            return;
        } catch (UnsupportedFeatureException e) {
            throw e;
        } catch (TableException e) {
            // some record of the chunk is bad: decode them one by one below
        } finally {
            scratch.close();
        }
        scratch = RowBatch.allocate(batch.type(), allocator, records.size());
        try {
            for (int i = 0; i < records.size(); i++) {
                int before = scratch.rowCount();
                try {
                    skipped += decodeInto(records.get(i), scratch, 1);
                } catch (UnsupportedFeatureException e) {
                    throw e;
                } catch (TableException e) {
                    // the failed record may have written part of row `before`: keep the good rows, start afresh
                    scratch.setRowCount(before);
                    append(scratch, batch);
                    scratch.close();
                    scratch = RowBatch.allocate(batch.type(), allocator, records.size() - i);
                    String message = e.getMessage() == null ? e.toString()
                            : e.getMessage().replace(fileName + ":1", fileName + ":" + lines.get(i));
                    try {
                        sink.bad(lines.get(i), message, records.get(i));
                    } catch (IOException | RuntimeException ex) {
                        throw ex;
                    } catch (Exception ex) {
                        throw new IOException(ex);
                    }
                }
            }
            append(scratch, batch);
        } finally {
            scratch.close();
        }
    }

    /**
     * Decodes the whole of {@code text} into {@code scratch} with a fresh decoder of the format; returns the records
     * the format skipped itself ({@code ignore-parse-errors}).
     */
    private long decodeInto(byte[] text, RowBatch scratch, int records) throws IOException {
        try (RecordDecoder d = factory.createDecoder(new ByteArrayInputStream(text), fileName, physicalType,
                projectedFields)) {
            while (d.decode(scratch, scratch.rowCount() + 2 * records + 1)) {
                // until the text ends
            }
            return d.skippedRecords();
        }
    }

    /** Appends the rows of {@code from} (and their kinds) to {@code to}. */
    private static void append(RowBatch from, RowBatch to) {
        int rows = from.rowCount();
        if (rows == 0) {
            return;
        }
        int at = to.rowCount();
        for (int c = 0; c < from.columnCount(); c++) {
            for (int i = 0; i < rows; i++) {
                to.vector(c).copyFromSafe(i, at + i, from.vector(c));
            }
        }
        if (from.rowKinds() != null) {
            for (int i = 0; i < rows; i++) {
                RowKinds.set(to, at + i, from.rowKind(i));
            }
        }
        to.setRowCount(at + rows);
    }

    /** The next record without its line break, or null at the end of the file. */
    private byte[] nextRecord() throws IOException {
        if (eof) {
            return null;
        }
        record.reset();
        boolean quoted = false;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                line++;
                if (!quoted) {
                    return record.toByteArray();
                }
            } else if (b == escape) {
                record.write(b);
                b = in.read();
                if (b < 0) {
                    break;
                }
                if (b == '\n') {
                    line++;
                }
            } else if (b == quote) {
                quoted = !quoted;
            }
            record.write(b);
        }
        eof = true;
        return record.size() == 0 ? null : record.toByteArray();
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
