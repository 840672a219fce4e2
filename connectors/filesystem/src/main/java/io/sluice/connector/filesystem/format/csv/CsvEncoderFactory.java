package io.sluice.connector.filesystem.format.csv;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.types.RowType;
import java.io.OutputStream;

/** Creates {@link CsvEncoder}s writing rows of one type with one table's csv options. Immutable. */
public final class CsvEncoderFactory implements RecordEncoderFactory {
    private final CsvFormatConfig config;
    private final RowType type;

    /**
     * @throws io.sluice.table.api.UnsupportedFeatureException for a column type csv cannot hold (intervals, MAP, MULTISET, nested collections)
     */
    public CsvEncoderFactory(CsvFormatConfig config, RowType type) {
        this.config = config;
        this.type = type;
        CsvCollections.checkColumns(type);
        for (int i = 0; i < type.size(); i++) {
            CsvDecoder.kindOf(type.type(i));
        }
    }

    @Override
    public RecordEncoder createEncoder(OutputStream out) {
        return new CsvEncoder(out, type, config);
    }

    @Override
    public String fileExtension() {
        return "csv";
    }
}
