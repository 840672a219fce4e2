package io.sluice.format.avro;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TimestampUnits;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.types.Row;
import io.sluice.table.api.TableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes the fields of Avro records into the projected columns of a batch, matching fields to columns by name (a
 * field the record lacks is NULL). Accepts what the record's own schema holds: strings (also enums), bytes or fixed,
 * numbers, decimals as bytes or fixed, dates, times in milli- or microseconds and timestamps in milli- or
 * microseconds, converted to the column's type; arrays, maps (string keys) and nested records for ARRAY, MAP,
 * MULTISET and ROW columns, whose record fields are matched by name too. Used by one thread.
 */
final class AvroRowReader {
    private final LogicalType[] types;
    private final String[] names;

    /** @param projectedFields indexes into {@code physicalType} of the columns to produce, in output order */
    AvroRowReader(RowType physicalType, int[] projectedFields) {
        types = new LogicalType[projectedFields.length];
        names = new String[projectedFields.length];
        for (int c = 0; c < projectedFields.length; c++) {
            types[c] = physicalType.type(projectedFields[c]);
            names[c] = physicalType.name(projectedFields[c]);
        }
    }

    /** Writes {@code record} into row {@code row} of {@code batch} (the caller sets the row count). */
    void read(GenericRecord record, RowBatch batch, int row, String position) {
        Schema schema = record.getSchema();
        for (int c = 0; c < types.length; c++) {
            Schema.Field field = schema.getField(names[c]);
            Object value = field == null ? null : record.get(field.pos());
            try {
                VectorValues.set(types[c], batch.vector(c), row,
                        value == null ? null : convert(value, AvroSchemas.nonNull(field.schema()), types[c]));
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
                throw new TableException("Failed to read field '" + names[c] + "' (" + types[c].typeName()
                        + ") from Avro value '" + value + "' of type " + field.schema() + " at " + position, e);
            }
        }
    }

    private static Object convert(Object value, Schema schema, LogicalType type) {
        switch (type.root()) {
            case ARRAY: {
                need(schema.getType() == Schema.Type.ARRAY, schema, type);
                Collection<?> elements = (Collection<?>) value;
                Schema items = AvroSchemas.nonNull(schema.getElementType());
                Object[] out = new Object[elements.size()];
                int k = 0;
                for (Object e : elements) {
                    out[k++] = e == null ? null : convert(e, items, type.elementType());
                }
                return out;
            }
            case MAP:
            case MULTISET: {
                need(schema.getType() == Schema.Type.MAP, schema, type);
                Schema values = AvroSchemas.nonNull(schema.getValueType());
                LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer();
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    Object v = e.getValue();
                    out.put(e.getKey().toString(), v == null ? null : convert(v, values, valueType));
                }
                return out;
            }
            case ROW: {
                need(schema.getType() == Schema.Type.RECORD, schema, type);
                GenericRecord record = (GenericRecord) value;
                List<LogicalType> fields = type.children();
                Row row = new Row(fields.size());
                for (int f = 0; f < fields.size(); f++) {
                    Schema.Field field = record.getSchema().getField(type.fieldNames().get(f));
                    Object v = field == null ? null : record.get(field.pos());
                    row.setField(f, v == null ? null : convert(v, AvroSchemas.nonNull(field.schema()), fields.get(f)));
                }
                return row;
            }
            case CHAR:
            case VARCHAR:
                return value.toString();
            case BINARY:
            case VARBINARY:
                return bytes(value);
            case DECIMAL: {
                if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
                    int scale = ((LogicalTypes.Decimal) schema.getLogicalType()).getScale();
                    return new BigDecimal(new BigInteger(bytes(value)), scale);
                }
                if (value instanceof Number || value instanceof CharSequence) {
                    return new BigDecimal(value.toString());
                }
                throw new IllegalArgumentException("not a decimal");
            }
            case TIME: {
                long v = ((Number) value).longValue();
                return (int) (schema.getLogicalType() instanceof LogicalTypes.TimeMicros ? v / 1000 : v);
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                org.apache.avro.LogicalType logical = schema.getLogicalType();
                boolean micros = logical instanceof LogicalTypes.TimestampMicros
                        || logical instanceof LogicalTypes.LocalTimestampMicros;
                long v = ((Number) value).longValue();
                return TimestampUnits.rescale(v, micros ? 6 : 3, type.precision());
            }
            case BOOLEAN:
                return (Boolean) value;
            case DATE:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
                return (Number) value;
            default:
                return value;
        }
    }

    private static void need(boolean ok, Schema schema, LogicalType type) {
        if (!ok) {
            throw new IllegalArgumentException("an Avro " + schema.getType().getName() + " is no " + type.typeName());
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer) {
            ByteBuffer b = ((ByteBuffer) value).duplicate();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
        if (value instanceof GenericFixed) {
            return ((GenericFixed) value).bytes();
        }
        return (byte[]) value;
    }
}
