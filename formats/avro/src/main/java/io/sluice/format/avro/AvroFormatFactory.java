package io.sluice.format.avro;

import io.sluice.connector.filesystem.format.BadRecordListener;
import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.connector.filesystem.format.SingleMessageDecoder;
import io.sluice.connector.filesystem.format.SingleMessageEncoder;
import io.sluice.connector.filesystem.format.SingleMessageFormat;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;

/**
 * The {@code 'format' = 'avro'} factory. Rows are Avro records of the schema derived from the table
 * ({@link AvroSchemas}): a Kafka message is one record in Avro's binary encoding (or json with
 * {@code 'avro.encoding' = 'json'}), without a header; the filesystem connector reads and writes Avro container
 * files ({@code 'avro.codec'} compresses written files).
 */
public final class AvroFormatFactory implements FileFormatFactory, SingleMessageFormat {
    /** The format id. */
    public static final String IDENTIFIER = "avro";
    private static final String PREFIX = IDENTIFIER + ".";

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
        return Set.of(AvroOptions.ENCODING, AvroOptions.CODEC, AvroOptions.TIMESTAMP_MAPPING_LEGACY);
    }

    private static Schema schema(TableContext context) {
        return AvroSchemas.of(context.physicalRowType(), context.get(AvroOptions.TIMESTAMP_MAPPING_LEGACY, PREFIX));
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        schema(context); // rejects column types Avro cannot hold
        return new RecordDecoderFactory() {
            @Override
            public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType,
                    int[] projectedFields) {
                return new AvroFileDecoder(in, fileName, new AvroRowReader(physicalType, projectedFields), null);
            }

            @Override
            public RecordDecoder createDecoder(java.nio.file.Path file, RowType physicalType, int[] projectedFields,
                    BadRecordListener listener) throws IOException {
                return new AvroFileDecoder(new java.io.FileInputStream(file.toFile()), file.toString(),
                        new AvroRowReader(physicalType, projectedFields), listener);
            }
        };
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        Schema schema = schema(context);
        CodecFactory codec = codec(context);
        RowType type = context.physicalRowType();
        return new RecordEncoderFactory() {
            @Override
            public RecordEncoder createEncoder(OutputStream out) {
                try {
                    return new AvroFileEncoder(out, schema, new AvroRowWriter(type, schema), codec);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String fileExtension() {
                return "avro";
            }
        };
    }

    private static CodecFactory codec(TableContext context) {
        String name = context.get(AvroOptions.CODEC, PREFIX);
        if (name == null) {
            return null;
        }
        try {
            return CodecFactory.fromString(name.toLowerCase(Locale.ROOT));
        } catch (AvroRuntimeException e) {
            throw new ValidationException("Unsupported value '" + name + "' for option 'avro.codec' of table "
                    + context.tableName() + ". Supported values are [null, deflate, snappy, bzip2, xz, zstandard].");
        }
    }

    private static boolean json(TableContext context) {
        String encoding = context.get(AvroOptions.ENCODING, PREFIX).toLowerCase(Locale.ROOT);
        if (!encoding.equals("binary") && !encoding.equals("json")) {
            throw new ValidationException("Unsupported value '" + encoding + "' for option 'avro.encoding' of table "
                    + context.tableName() + ". Supported values are [binary, json].");
        }
        return encoding.equals("json");
    }

    @Override
    public SingleMessageDecoder createMessageDecoder(TableContext context, int[] projectedFields) {
        return new AvroMessageDecoder(schema(context), json(context),
                new AvroRowReader(context.physicalRowType(), projectedFields));
    }

    @Override
    public SingleMessageEncoder createMessageEncoder(TableContext context) {
        Schema schema = schema(context);
        return new AvroMessageEncoder(schema, json(context), new AvroRowWriter(context.physicalRowType(), schema));
    }
}
