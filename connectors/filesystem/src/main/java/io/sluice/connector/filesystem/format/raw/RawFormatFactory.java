package io.sluice.connector.filesystem.format.raw;

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
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.RowType;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * The {@code 'format' = 'raw'} factory: a record is the value of the table's single physical column
 * ({@link RawCodec}). A Kafka message is one record (a message without value, a tombstone, is no row); a file holds
 * one record per line ({@code \n}), and a NULL value is written as an empty line.
 */
public final class RawFormatFactory implements FileFormatFactory, SingleMessageFormat {
    /** The format id. */
    public static final String IDENTIFIER = "raw";

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
        return Set.of(RawOptions.CHARSET, RawOptions.ENDIANNESS);
    }

    @Override
    public RecordDecoderFactory createDecoderFactory(TableContext context) {
        RawCodec codec = new RawCodec(context);
        return new RecordDecoderFactory() {
            @Override
            public RecordDecoder createDecoder(InputStream in, String fileName, RowType physicalType,
                    int[] projectedFields) {
                return new RawFileDecoder(in, fileName, codec, projectedFields.length == 1);
            }
        };
    }

    @Override
    public RecordEncoderFactory createEncoderFactory(TableContext context) {
        RawCodec codec = new RawCodec(context);
        return new RecordEncoderFactory() {
            @Override
            public RecordEncoder createEncoder(OutputStream out) {
                return new RecordEncoder() {
                    @Override
                    public void write(RowBatch batch) throws java.io.IOException {
                        for (int r = 0; r < batch.rowCount(); r++) {
                            byte[] value = codec.encode(batch.vector(0), r);
                            if (value != null) {
                                out.write(value);
                            }
                            out.write('\n');
                        }
                    }

                    @Override
                    public void flush() throws java.io.IOException {
                        out.flush();
                    }
                };
            }

            @Override
            public String fileExtension() {
                return "raw";
            }
        };
    }

    @Override
    public SingleMessageDecoder createMessageDecoder(TableContext context, int[] projectedFields) {
        RawCodec codec = new RawCodec(context);
        boolean produce = projectedFields.length == 1;
        return (message, batch, position) -> {
            int row = batch.rowCount();
            if (produce) {
                codec.decode(message, 0, message.length, batch.vector(0), row, position);
            }
            batch.setRowCount(row + 1);
            return true;
        };
    }

    @Override
    public SingleMessageEncoder createMessageEncoder(TableContext context) {
        RawCodec codec = new RawCodec(context);
        return batch -> {
            byte[][] messages = new byte[batch.rowCount()][];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = codec.encode(batch.vector(0), i);
            }
            return messages;
        };
    }
}
