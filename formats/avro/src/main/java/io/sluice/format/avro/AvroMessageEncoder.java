package io.sluice.format.avro;

import io.sluice.connector.filesystem.format.SingleMessageEncoder;
import io.sluice.runtime.data.RowBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/** Encodes each row into one message holding an Avro record (binary or json encoding). Used by one thread. */
final class AvroMessageEncoder implements SingleMessageEncoder {
    private final Schema schema;
    private final boolean json;
    private final GenericDatumWriter<GenericRecord> writer;
    private final AvroRowWriter rows;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private BinaryEncoder binary;

    AvroMessageEncoder(Schema schema, boolean json, AvroRowWriter rows) {
        this.schema = schema;
        this.json = json;
        this.writer = new GenericDatumWriter<>(schema);
        this.rows = rows;
    }

    @Override
    public byte[][] encode(RowBatch batch) throws IOException {
        byte[][] messages = new byte[batch.rowCount()][];
        for (int r = 0; r < messages.length; r++) {
            bytes.reset();
            Encoder encoder;
            if (json) {
                encoder = EncoderFactory.get().jsonEncoder(schema, bytes);
            } else {
                binary = EncoderFactory.get().binaryEncoder(bytes, binary);
                encoder = binary;
            }
            writer.write(rows.write(batch, r), encoder);
            encoder.flush();
            messages[r] = bytes.toByteArray();
        }
        return messages;
    }
}
