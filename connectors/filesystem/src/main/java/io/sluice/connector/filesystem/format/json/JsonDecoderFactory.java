package io.sluice.connector.filesystem.format.json;

import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.types.RowType;
import java.io.InputStream;

/** Creates {@link JsonDecoder}s with one table's json options. Immutable. */
public final class JsonDecoderFactory implements RecordDecoderFactory {
    private final JsonFormatConfig config;

    /**
     * @param physicalType the table's columns; every type is checked to be readable
     * @throws io.sluice.table.api.UnsupportedFeatureException for a column type json cannot hold (intervals)
     */
    public JsonDecoderFactory(JsonFormatConfig config, RowType physicalType) {
        this.config = config;
        for (int i = 0; i < physicalType.size(); i++) {
            JsonDecoder.kindOf(physicalType.type(i));
        }
    }

    @Override
    public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType, int[] projectedFields) {
        return new JsonDecoder(in, fileName, config, physicalType, projectedFields);
    }
}
