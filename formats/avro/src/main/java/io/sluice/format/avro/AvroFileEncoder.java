package io.sluice.format.avro;

import io.sluice.connector.filesystem.format.RecordEncoder;
import io.sluice.runtime.data.RowBatch;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/** Writes rows into an Avro container file (the header is written when the encoder is created). One thread. */
final class AvroFileEncoder implements RecordEncoder {
    private final DataFileWriter<GenericRecord> writer;
    private final AvroRowWriter rows;

    /** @param codec the block compression, or null for none */
    AvroFileEncoder(OutputStream out, Schema schema, AvroRowWriter rows, CodecFactory codec) throws IOException {
        this.rows = rows;
        this.writer = new DataFileWriter<>(new GenericDatumWriter<>(schema));
        if (codec != null) {
            writer.setCodec(codec);
        }
        writer.create(schema, out);
    }

    @Override
    public void write(RowBatch batch) throws IOException {
        for (int r = 0; r < batch.rowCount(); r++) {
            writer.append(rows.write(batch, r));
        }
    }

    /** Ends the current block; the file is complete after a flush (the caller closes the stream). */
    @Override
    public void flush() throws IOException {
        writer.flush();
    }
}
