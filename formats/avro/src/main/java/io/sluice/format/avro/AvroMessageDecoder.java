package io.sluice.format.avro;

import io.sluice.connector.filesystem.format.SingleMessageDecoder;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes messages that each hold one Avro record written with the table's schema (binary or json encoding). A
 * message that does not decode fails naming its position. Used by one thread.
 */
final class AvroMessageDecoder implements SingleMessageDecoder {
    private final Schema schema;
    private final boolean json;
    private final GenericDatumReader<GenericRecord> reader;
    private final AvroRowReader rows;
    private BinaryDecoder binary;
    private GenericRecord reuse;

    AvroMessageDecoder(Schema schema, boolean json, AvroRowReader rows) {
        this.schema = schema;
        this.json = json;
        this.reader = new OrderedMapDatumReader(schema);
        this.rows = rows;
    }

    @Override
    public boolean decode(byte[] message, RowBatch batch, String position) throws IOException {
        try {
            Decoder decoder;
            if (json) {
                decoder = DecoderFactory.get().jsonDecoder(schema, new String(message, StandardCharsets.UTF_8));
            } else {
                binary = DecoderFactory.get().binaryDecoder(message, binary);
                decoder = binary;
            }
            reuse = reader.read(reuse, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new TableException("Malformed Avro message at " + position + ": " + e, e);
        }
        int row = batch.rowCount();
        rows.read(reuse, batch, row, position);
        batch.setRowCount(row + 1);
        return true;
    }
}
