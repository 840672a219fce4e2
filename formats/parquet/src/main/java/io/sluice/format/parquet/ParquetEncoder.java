package io.sluice.format.parquet;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.runtime.data.RowBatch;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one Parquet file: rows are buffered into row groups of {@code parquet.block.size} bytes, and
 * {@link #flush()} writes the last row group and the footer, after which the file is complete and takes no more
 * rows. Used by one thread.
 */
final class ParquetEncoder implements RecordEncoder {
    private final StreamOutputFile file;
    private final ParquetWriter<RowWriteSupport.Cursor> writer;
    private final RowWriteSupport.Cursor cursor = new RowWriteSupport.Cursor();
    private boolean finished;

    ParquetEncoder(OutputStream out, RowWriteSupport support, ParquetFormatConfig config) throws IOException {
        this.file = new StreamOutputFile(out, "parquet part file");
        this.writer = new Builder(file, support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(config.codec())
                .withRowGroupSize(config.blockSize())
                .withPageSize(config.pageSize())
                .withDictionaryPageSize(config.dictionaryPageSize())
                .withDictionaryEncoding(config.dictionary())
                .withWriterVersion(config.writerVersion())
                .build();
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        if (finished) {
            throw new IllegalStateException("the parquet file was already finished");
        }
        cursor.batch = batch;
        try {
            int rows = batch.rowCount();
            for (int r = 0; r < rows; r++) {
                cursor.row = r;
                writer.write(cursor);
            }
        } finally {
            cursor.batch = null;
        }
    }

    /** Writes the buffered row group and the footer: the file is complete. */
    @Override
    public void flush() throws IOException {
        if (!finished) {
            finished = true;
            writer.close();
        }
    }

    /** The rows buffered in memory for the current row group, in (encoded, compressed) bytes. */
    @Override
    public long bufferedBytes() {
        return finished ? 0 : Math.max(0, writer.getDataSize() - file.position());
    }

    /** Builds a writer over our {@link OutputFile} and write support, without Hadoop's file system. */
    private static final class Builder extends ParquetWriter.Builder<RowWriteSupport.Cursor, Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<RowWriteSupport.Cursor> getWriteSupport(
                org.apache.hadoop.conf.Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<RowWriteSupport.Cursor> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }
}
