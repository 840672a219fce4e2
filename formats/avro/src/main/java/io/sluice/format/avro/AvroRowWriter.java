package io.sluice.format.avro;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TimestampUnits;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                    throw new TableException("Column '" + schema.getFields().get(c).name()
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
                    record.put(c, toAvro(VectorValues.get(type, batch.vector(c), row), type,
                            AvroSchemas.nonNull(schema.getFields().get(c).schema()), schema.getFields().get(c).name()));
            }
        }
        return record;
    }

    /**
     * The Avro value of the non-null external value {@code value} of {@code type}, of the (non-null) schema
     * {@code schema}; {@code path} names the value in errors.
     */
    private static Object toAvro(Object value, LogicalType type, Schema schema, String path) {
        switch (type.root()) {
            case ARRAY: {
                Object[] elements = (Object[]) value;
                Schema items = AvroSchemas.nonNull(schema.getElementType());
                List<Object> out = new ArrayList<>(elements.length);
                for (Object e : elements) {
                    out.add(nested(e, type.elementType(), items, path + "[]"));
                }
                return new GenericData.Array<>(schema, out);
            }
            case MAP:
            case MULTISET: {
                Schema values = AvroSchemas.nonNull(schema.getValueType());
                LogicalType valueType = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                        : LogicalType.integer();
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (e.getKey() == null) {
                        throw new TableException("Column '" + path + "' holds a NULL map key, which Avro cannot hold.");
                    }
                    out.put(e.getKey().toString(), nested(e.getValue(), valueType, values, path + "{}"));
                }
                return out;
            }
            case ROW: {
                Row row = (Row) value;
                GenericData.Record out = new GenericData.Record(schema);
                for (int f = 0; f < type.children().size(); f++) {
                    Schema.Field field = schema.getFields().get(f);
                    out.put(f, nested(row.getField(f), type.children().get(f), AvroSchemas.nonNull(field.schema()),
                            path + "." + field.name()));
                }
                return out;
            }
            case TIMESTAMP: {
                LocalDateTime t = (LocalDateTime) value;
                return TimestampUnits.fromEpochSecond(t.toEpochSecond(ZoneOffset.UTC), t.getNano(),
                        type.precision() <= 3 ? 3 : 6);
            }
            case TIMESTAMP_LTZ: {
                Instant t = (Instant) value;
                return TimestampUnits.fromEpochSecond(t.getEpochSecond(), t.getNano(), type.precision() <= 3 ? 3 : 6);
            }
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

    /** An element, map value or row field: null stays null unless its type is NOT NULL. */
    private static Object nested(Object value, LogicalType type, Schema schema, String path) {
        if (value == null) {
            if (!type.isNullable()) {
                throw new TableException("'" + path + "' is declared NOT NULL but a row to write holds NULL there.");
            }
            return null;
        }
        return toAvro(value, type, schema, path);
    }
}
