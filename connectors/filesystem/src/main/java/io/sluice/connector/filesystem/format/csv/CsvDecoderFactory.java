package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.types.RowType;
import java.io.InputStream;

/** Creates {@link CsvDecoder}s with one table's csv options. Immutable. */
public final class CsvDecoderFactory implements RecordDecoderFactory {
    private final CsvFormatConfig config;

    /**
     * @param physicalType the table's columns; every type is checked to be readable
     * @throws io.sluice.table.api.UnsupportedFeatureException for a column type csv cannot hold (intervals, MAP, MULTISET, nested collections)
     */
    public CsvDecoderFactory(CsvFormatConfig config, RowType physicalType) {
        this.config = config;
        CsvCollections.checkColumns(physicalType);
        for (int i = 0; i < physicalType.size(); i++) {
            CsvDecoder.kindOf(physicalType.type(i));
        }
    }

    @Override
    public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType, int[] projectedFields) {
        return new CsvDecoder(in, fileName, config, physicalType, projectedFields);
    }
}
