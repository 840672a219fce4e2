package io.sluice.connector.filesystem.format.changelog;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.connector.filesystem.format.json.JsonDecoderFactory;
import io.sluice.connector.filesystem.format.json.JsonEncoderFactory;
import io.sluice.connector.filesystem.format.json.JsonFormatConfig;
import io.sluice.connector.filesystem.format.json.JsonOptions;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common part of the changelog format factories: the json options every one of them has, and decoder and
 * encoder factories over the json format's row decoder and encoder. Subclasses name the format, add their own
 * options and create the {@link ChangelogProtocol}.
 */
public abstract class ChangelogJsonFormatFactory implements FileFormatFactory {
    /** The format's own options (besides the shared json options). */
    protected abstract Set<ConfigOption<?>> ownOptions();

    /**
     * The protocol for a table's options.
     *
     * @param encoding true when the protocol is created for a sink (options that only apply to reading may be
     *     rejected then)
     */
    protected abstract ChangelogProtocol protocol(TableContext context, boolean encoding);

    @Override
    public final Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public final Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> all = new LinkedHashSet<>(Set.of(JsonOptions.IGNORE_PARSE_ERRORS,
                JsonOptions.TIMESTAMP_FORMAT_STANDARD, JsonOptions.MAP_NULL_KEY_MODE, JsonOptions.MAP_NULL_KEY_LITERAL,
                JsonOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER));
        all.addAll(ownOptions());
        return all;
    }

    private String prefix() {
        return factoryIdentifier() + ".";
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        JsonFormatConfig config = JsonFormatConfig.from(context, prefix());
        RecordDecoderFactory rows = new JsonDecoderFactory(config, context.physicalRowType());
        ChangelogProtocol protocol = protocol(context, false);
        boolean ignoreParseErrors = context.get(JsonOptions.IGNORE_PARSE_ERRORS, prefix());
        String id = factoryIdentifier();
        return new RecordDecoderFactory() {
            @Override
            public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType,
                    int[] projectedFields) {
                return createDecoder(in, fileName, physicalType, projectedFields, List.of());
            }

            @Override
            public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType,
                    int[] projectedFields, List<String> metadataKeys) {
                return new ChangelogJsonDecoder(in, fileName, id, protocol, rows, physicalType, projectedFields,
                        ignoreParseErrors, metadataKeys);
            }

            @Override
            public Map<String, LogicalType> readableMetadata() {
                return protocol.metadata();
            }

            @Override
            public ChangelogMode changelogMode() {
                return ChangelogMode.all();
            }
        };
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        ChangelogProtocol protocol = protocol(context, true);
        RecordEncoderFactory rows = new JsonEncoderFactory(JsonFormatConfig.from(context, prefix()),
                context.physicalRowType());
        return new RecordEncoderFactory() {
            @Override
            public RecordEncoder createEncoder(OutputStream out) {
                return new ChangelogJsonEncoder(out, protocol, rows);
            }

            @Override
            public String fileExtension() {
                return "json";
            }

            @Override
            public ChangelogMode changelogMode() {
                return ChangelogMode.all();
            }
        };
    }
}
