package io.sluice.format.avro;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TimestampUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.arrow.vector.TimeStampVector;

/** Turns rows of a batch into Avro records of the schema {@link AvroSchemas} derives. Used by one thread. */
final class AvroRowWriter {
    private final Schema schema;
    private final LogicalType[] types;

    AvroRowWriter(RowType type, Schema schema) {
        this.schema = schema;
        this.types = new LogicalType[type.size()];
        for (int c = 0; c < types.length; c++) {
            types[c] = type.type(c);
        }
    }

    /** The record of row {@code row} of {@code batch}. */
    GenericRecord write(RowBatch batch, int row) {
        GenericData.Record record = new GenericData.Record(schema);
        for (int c = 0; c < types.length; c++) {
            LogicalType type = types[c];
            if (batch.vector(c).isNull(row)) {
                if (!type.isNullable()) {
                    throw new io.sluice.table.api.TableException("Column '" + schema.getFields().get(c).name()
                            + "' is declared NOT NULL but a row to write holds NULL.");
                }
                record.put(c, null);
                continue;
            }
            switch (type.root()) {
                case TIMESTAMP:
                case TIMESTAMP_LTZ: {
                    long v = ((TimeStampVector) batch.vector(c)).get(row);
                    record.put(c, TimestampUnits.rescale(v, type.precision(), type.precision() <= 3 ? 3 : 6));
                    break;
                }
                default:
                    record.put(c, toAvro(VectorValues.get(type, batch.vector(c), row), type));
            }
        }
        return record;
    }

    private static Object toAvro(Object value, LogicalType type) {
        switch (type.root()) {
            case TINYINT:
            case SMALLINT:
                return ((Number) value).intValue();
            case BINARY:
            case VARBINARY:
                return ByteBuffer.wrap((byte[]) value);
            case DECIMAL:
                return ByteBuffer.wrap(((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue()
                        .toByteArray());
            case DATE:
                return (int) ((LocalDate) value).toEpochDay();
            case TIME:
                return (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L);
            default:
                return value; // boolean, int, long, float, double, string
        }
    }
}
