package io.sluice.format.parquet;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.parquet.io.LocalInputFile;

/**
 * Creates {@link ParquetDecoder}s. Parquet needs random access (the footer is at the end of the file), so only
 * files are read, through Parquet's NIO {@link LocalInputFile}, never Hadoop's file system. Immutable.
 */
final class ParquetDecoderFactory implements RecordDecoderFactory {
    private final ParquetFormatConfig config;

    ParquetDecoderFactory(RowType physicalType, ParquetFormatConfig config) {
        this.config = config;
        for (int i = 0; i < physicalType.size(); i++) {
            ParquetSchemas.checkSupported(physicalType.name(i), physicalType.type(i));
        }
    }

    @Override
    public RecordDecoder createDecoder(Path file, RowType physicalType, int[] projectedFields) throws IOException {
        return new ParquetDecoder(new LocalInputFile(file), file.toString(), physicalType, projectedFields, config);
    }

    /** Parquet cannot be read from a stream (e.g. a Kafka message): it needs a file with random access. */
    @Override
    public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType, int[] projectedFields)
            throws IOException {
        in.close();
        throw new UnsupportedFeatureException("reading parquet from a stream (" + fileName + "); the parquet format"
                + " reads files of the filesystem connector");
    }
}
