package io.sluice.connector.filesystem.format.json;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Creates {@link JsonEncoder}s writing rows of one type with one table's json options. Immutable. */
public final class JsonEncoderFactory implements RecordEncoderFactory {
    private final JsonFormatConfig config;
    private final RowType type;

    /**
     * @throws io.sluice.table.api.UnsupportedFeatureException for a column type json cannot hold (intervals)
     */
    public JsonEncoderFactory(JsonFormatConfig config, RowType type) {
        this.config = config;
        this.type = type;
        for (int i = 0; i < type.size(); i++) {
            JsonDecoder.kindOf(type.type(i));
        }
    }

    @Override
    public RecordEncoder createEncoder(OutputStream out) {
        try {
            return new JsonEncoder(out, type, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String fileExtension() {
        return "json";
    }
}
