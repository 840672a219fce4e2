package io.sluice.connector.kafka.format;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.SingleMessageDecoder;
import io.sluice.connector.filesystem.format.SingleMessageEncoder;
import io.sluice.connector.filesystem.format.SingleMessageFormat;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Finds the format of a record key or value by its id ({@link FactoryUtil#discover}): a
 * {@link MessageFormatFactory}, a file format that also codes single messages ({@link SingleMessageFormat}: raw,
 * avro), or a line-based file format ({@code csv}, {@code json}, ...) whose decoder and encoder are adapted to single
 * messages.
 */
public final class MessageFormats {
    private MessageFormats() {
    }

    /** The format factory {@code id} (a message format or a file format). */
    public static FormatFactory factory(String id, ClassLoader classLoader) {
        FormatFactory f = FactoryUtil.discover(FormatFactory.class, id, classLoader);
        if (!(f instanceof MessageFormatFactory) && !(f instanceof FileFormatFactory)) {
            throw new ValidationException("Format '" + id + "' cannot encode Kafka messages.");
        }
        return f;
    }

    /**
     * A decoder of {@code context.physicalRowType()} producing {@code projectedFields}; {@code context}'s options
     * are the format's options with the plain {@code <id>.} prefix.
     */
    public static MessageDecoder decoder(String id, TableContext context, int[] projectedFields,
            ClassLoader classLoader) {
        return decoder(id, context, projectedFields, List.of(), classLoader);
    }

    /**
     * Like {@link #decoder(String, TableContext, int[], ClassLoader)}; after the projected columns the decoder
     * writes the format metadata {@code metadataKeys} (keys of {@link #readableMetadata}, without prefix).
     */
    public static MessageDecoder decoder(String id, TableContext context, int[] projectedFields,
            List<String> metadataKeys, ClassLoader classLoader) {
        FormatFactory f = factory(id, classLoader);
        if (!metadataKeys.isEmpty() && !(f instanceof FileFormatFactory && !(f instanceof SingleMessageFormat))) {
            throw new io.sluice.table.api.UnsupportedFeatureException("metadata " + metadataKeys + " of format '" + id
                    + "'");
        }
        if (f instanceof MessageFormatFactory) {
            return ((MessageFormatFactory) f).createMessageDecoder(context, projectedFields);
        }
        if (f instanceof SingleMessageFormat) {
            SingleMessageDecoder d = ((SingleMessageFormat) f).createMessageDecoder(context, projectedFields);
            return d::decode;
        }
        return new FileFormatMessageDecoder(((FileFormatFactory) f).createDecoderFactory(context),
                context.physicalRowType(), projectedFields, metadataKeys);
    }

    /** An encoder of rows of {@code context.physicalRowType()}. */
    public static MessageEncoder encoder(String id, TableContext context, ClassLoader classLoader) {
        FormatFactory f = factory(id, classLoader);
        if (f instanceof MessageFormatFactory) {
            return ((MessageFormatFactory) f).createMessageEncoder(context);
        }
        if (f instanceof SingleMessageFormat) {
            SingleMessageEncoder e = ((SingleMessageFormat) f).createMessageEncoder(context);
            return e::encode;
        }
        return new FileFormatMessageEncoder(((FileFormatFactory) f).createEncoderFactory(context),
                splitter(id, context));
    }

    /**
     * The row kinds the format's decoders produce for {@code context}: insert-only, or (a changelog format such as
     * {@code debezium-json}) every kind, set per row in the decoded batch's row-kind vector.
     */
    public static ChangelogMode decodingMode(String id, TableContext context, ClassLoader classLoader) {
        FormatFactory f = factory(id, classLoader);
        return f instanceof FileFormatFactory ? ((FileFormatFactory) f).createDecoderFactory(context).changelogMode()
                : ChangelogMode.insertOnly();
    }

    /** The metadata the format can read from a message, by key (without prefix) with its type. */
    public static Map<String, LogicalType> readableMetadata(String id, TableContext context, ClassLoader classLoader) {
        FormatFactory f = factory(id, classLoader);
        return f instanceof FileFormatFactory && !(f instanceof SingleMessageFormat)
                ? ((FileFormatFactory) f).createDecoderFactory(context).readableMetadata() : Map.of();
    }

    /** The row kinds the format's encoders write into messages (insert-only: they ignore row kinds). */
    public static ChangelogMode encodingMode(String id, TableContext context, ClassLoader classLoader) {
        FormatFactory f = factory(id, classLoader);
        return f instanceof FileFormatFactory ? ((FileFormatFactory) f).createEncoderFactory(context).changelogMode()
                : ChangelogMode.insertOnly();
    }

    private static RecordSplitter splitter(String id, TableContext context) {
        if (!"csv".equals(id)) {
            return RecordSplitter.lines();
        }
        String disabled = context.options().get("csv.disable-quote-character");
        String quote = context.options().getOrDefault("csv.quote-character", "\"");
        String escape = context.options().get("csv.escape-character");
        return new RecordSplitter("true".equalsIgnoreCase(disabled) ? -1 : quote.charAt(0),
                escape == null || escape.isEmpty() ? -1 : escape.charAt(0));
    }
}
