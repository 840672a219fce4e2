package io.sluice.format.parquet;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.io.OutputStream;

/** Creates {@link ParquetEncoder}s for rows of one type with one table's parquet options. Immutable. */
final class ParquetEncoderFactory implements RecordEncoderFactory {
    private final RowType type;
    private final ParquetFormatConfig config;

    /**
     * @throws io.sluice.table.api.UnsupportedFeatureException for a column type the format cannot write
     */
    ParquetEncoderFactory(RowType type, ParquetFormatConfig config) {
        this.type = type;
        this.config = config;
        ParquetSchemas.messageType(type, config);
    }

    @Override
    public RecordEncoder createEncoder(OutputStream out) {
        try {
            // a write support per file: it holds the file's record consumer and scratch buffers
            return new ParquetEncoder(out, new RowWriteSupport(type, config), config);
        } catch (IOException e) {
            throw new TableException("Cannot start a parquet file: " + e.getMessage(), e);
        }
    }

    @Override
    public String fileExtension() {
        return "parquet";
    }
}
