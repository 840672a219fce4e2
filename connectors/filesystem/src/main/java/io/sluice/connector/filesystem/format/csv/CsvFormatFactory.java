package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'format' = 'csv'} factory; options are listed in {@link CsvOptions}. */
public final class CsvFormatFactory implements FileFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "csv";

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
        return Set.of(CsvOptions.FIELD_DELIMITER, CsvOptions.QUOTE_CHARACTER, CsvOptions.DISABLE_QUOTE_CHARACTER,
                CsvOptions.ALLOW_COMMENTS, CsvOptions.IGNORE_PARSE_ERRORS, CsvOptions.NULL_LITERAL,
                CsvOptions.ESCAPE_CHARACTER, CsvOptions.ARRAY_ELEMENT_DELIMITER);
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        return new CsvDecoderFactory(CsvFormatConfig.from(context), context.physicalRowType());
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        return new CsvEncoderFactory(CsvFormatConfig.from(context), context.physicalRowType());
    }
}
