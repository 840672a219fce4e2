package io.sluice.connector.filesystem.format.raw;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.runtime.data.RowBatch;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a file of raw records, one per line ({@code \n}; the last line may lack it). Used by one thread. */
final class RawFileDecoder implements RecordDecoder {
    private final InputStream in;
    private final String fileName;
    private final RawCodec codec;
    /** False when the query reads no column of the table (only the row count matters). */
    private final boolean produce;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long lineNumber;
    private boolean eof;

    RawFileDecoder(InputStream in, String fileName, RawCodec codec, boolean produce) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.fileName = fileName;
        this.codec = codec;
        this.produce = produce;
    }

    @Override
    public boolean decode(RowBatch batch, int maxRows) throws IOException {
        int row = batch.rowCount();
        while (row < maxRows) {
            if (!nextLine()) {
                batch.setRowCount(row);
                return false;
            }
            if (produce) {
                codec.decode(line.toByteArray(), 0, line.size(), batch.vector(0), row, fileName + ":" + lineNumber);
            }
            row++;
        }
        batch.setRowCount(row);
        return true;
    }

    private boolean nextLine() throws IOException {
        if (eof) {
            return false;
        }
        line.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0) {
            eof = true;
            if (line.size() == 0) {
                return false;
            }
        }
        lineNumber++;
        return true;
    }

    @Override
    public long skippedRecords() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
