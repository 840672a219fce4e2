package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.BadRecordListener;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * With bad-record routing, reads a file of a format whose records are not lines (avro, parquet): the format's decoder
 * routes the single records it can tell apart itself, and when the file cannot be read on (not a file of the format,
 * a corrupt block or row group, a column the table needs missing), the rest of the file is routed as one bad record
 * at the record number where reading stopped, with an empty raw value; the records before it stay read. A limitation
 * of Sluice ({@link UnsupportedFeatureException}) still fails the read. Used by one thread.
 */
final class FileRoutingDecoder implements RecordDecoder {
    private final String fileName;
    private final BadRecordListener listener;
    /** The format's decoder; null once the file was given up. */
    private RecordDecoder inner;
    /** Records of the file read or routed so far. */
    private long records;

    private FileRoutingDecoder(String fileName, BadRecordListener listener) {
        this.fileName = fileName;
        this.listener = listener;
    }

    static FileRoutingDecoder open(Path file, RecordDecoderFactory factory, RowType physicalType, int[] projectedFields,
            BadRecordListener listener) throws IOException {
        FileRoutingDecoder d = new FileRoutingDecoder(file.toString(), listener);
        try {
            d.inner = factory.createDecoder(file, physicalType, projectedFields, (position, error, raw) -> {
                d.records++;
                listener.bad(position, error, raw);
            });
        } catch (UnsupportedFeatureException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            d.giveUp(e);
        }
        return d;
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        if (inner == null) {
            return false;
        }
        int before = batch.rowCount();
        try {
            boolean more = inner.decode(batch, maxRows);
            records += batch.rowCount() - before;
            return more;
        } catch (UnsupportedFeatureException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            records += batch.rowCount() - before;
            giveUp(e);
            return false;
        }
    }

    private void giveUp(Exception e) throws IOException {
        long position = records + 1;
        String error = "Cannot read " + fileName + " on from record " + position + ": " + e.getMessage();
        RecordDecoder d = inner;
        inner = null;
        if (d != null) {
            try {
                d.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
        listener.bad(position, error, new byte[0]);
    }

    @Override
    public long skippedRecords() {
        return inner == null ? 0 : inner.skippedRecords();
    }

    @Override
    public void close() throws IOException {
        if (inner != null) {
            inner.close();
        }
    }
}
