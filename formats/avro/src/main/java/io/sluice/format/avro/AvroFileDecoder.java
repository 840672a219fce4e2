package io.sluice.format.avro;

import io.sluice.connector.filesystem.format.BadRecordListener;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes an Avro container file, read with the schema the file holds; fields are matched to columns by name
 * ({@link AvroRowReader}). A file that is not an Avro container file, or a corrupt block, fails the read naming the
 * file and the record. A record whose values do not fit the columns fails it too, or, with a
 * {@link BadRecordListener}, goes to the listener (with its record number and its JSON text) and reading goes on.
 * Used by one thread.
 */
final class AvroFileDecoder implements RecordDecoder {
    private final InputStream in;
    private final String fileName;
    private final AvroRowReader rows;
    private DataFileStream<GenericRecord> stream;
    private GenericRecord reuse;
    private long record;
    /** Receives the records whose values do not fit the columns; null to fail on them. */
    private final BadRecordListener badRecords;

    AvroFileDecoder(InputStream in, String fileName, AvroRowReader rows, BadRecordListener badRecords) {
        this.in = in;
        this.fileName = fileName;
        this.rows = rows;
        this.badRecords = badRecords;
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        if (stream == null) {
            try {
                stream = new DataFileStream<>(in, new OrderedMapDatumReader());
            } catch (IOException e) {
                throw new TableException("Cannot read " + fileName + " as an Avro container file: " + e.getMessage(), e);
            }
        }
        int row = batch.rowCount();
        try {
            while (row < maxRows && stream.hasNext()) {
                reuse = stream.next(reuse);
                record++;
                try {
                    rows.read(reuse, batch, row, fileName + " (record " + record + ")");
                } catch (TableException e) {
                    if (badRecords == null) {
                        throw e;
                    }
                    // the row's slot is written over by the next record (every column is set)
                    badRecords.bad(record, e.getMessage(), reuse.toString().getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                row++;
            }
        } catch (AvroRuntimeException | IOException e) {
            throw new TableException("Corrupt Avro data in " + fileName + " after record " + record + ": "
                    + e.getMessage(), e);
        } finally {
            batch.setRowCount(row);
        }
        return row < maxRows ? false : stream.hasNext();
    }

    @Override
    public long skippedRecords() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        } else {
            in.close();
        }
    }
}
