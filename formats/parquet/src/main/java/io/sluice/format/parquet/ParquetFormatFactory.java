package io.sluice.format.parquet;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'format' = 'parquet'} factory of the filesystem connector; options are listed in {@link ParquetOptions}. */
public final class ParquetFormatFactory implements FileFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "parquet";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(ParquetOptions.UTC_TIMEZONE, ParquetOptions.TIMESTAMP_TIME_UNIT,
                ParquetOptions.WRITE_INT64_TIMESTAMP, ParquetOptions.COMPRESSION, ParquetOptions.BLOCK_SIZE,
                ParquetOptions.PAGE_SIZE, ParquetOptions.DICTIONARY_PAGE_SIZE, ParquetOptions.ENABLE_DICTIONARY,
                ParquetOptions.WRITER_VERSION);
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        return new ParquetDecoderFactory(context.physicalRowType(), ParquetFormatConfig.from(context));
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        return new ParquetEncoderFactory(context.physicalRowType(), ParquetFormatConfig.from(context));
    }
}
