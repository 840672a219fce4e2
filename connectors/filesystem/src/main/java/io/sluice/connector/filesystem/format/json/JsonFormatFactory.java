package io.sluice.connector.filesystem.format.json;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'format' = 'json'} factory (newline-delimited JSON); options are listed in {@link JsonOptions}. */
public final class JsonFormatFactory implements FileFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "json";

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
        return Set.of(JsonOptions.FAIL_ON_MISSING_FIELD, JsonOptions.IGNORE_PARSE_ERRORS,
                JsonOptions.TIMESTAMP_FORMAT_STANDARD, JsonOptions.MAP_NULL_KEY_MODE, JsonOptions.MAP_NULL_KEY_LITERAL,
                JsonOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER, JsonOptions.ENCODE_IGNORE_NULL_FIELDS);
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        return new JsonDecoderFactory(JsonFormatConfig.from(context), context.physicalRowType());
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        return new JsonEncoderFactory(JsonFormatConfig.from(context), context.physicalRowType());
    }
}
