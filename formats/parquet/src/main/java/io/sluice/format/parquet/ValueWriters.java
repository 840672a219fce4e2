package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one non-null value of a column vector to a Parquet {@link RecordConsumer}, in the physical type
 * {@link ParquetSchemas} chose for the column. Values are read straight from the vectors' buffers; strings,
 * binaries and wide decimals go through a scratch array reused for every value (Parquet copies what it keeps).
 * ARRAY, MAP, MULTISET and ROW values are written as the groups {@link ParquetSchemas} declares, their elements,
 * entries and fields by the writers of their types from the nested vectors.
 */
abstract class ValueWriters {
    private ValueWriters() {
    }

    /** Writes the value at {@code row} of a vector (not null there). One instance per column. */
    interface ValueWriter {
        void write(RecordConsumer consumer, FieldVector vector, int row);
    }

    /** The writer of a column of {@code type}. */
    static ValueWriter of(LogicalType type, ParquetFormatConfig config) {
        switch (type.root()) {
            case BOOLEAN:
                return (c, v, r) -> c.addBoolean(((BitVector) v).get(r) != 0);
            case TINYINT:
                return (c, v, r) -> c.addInteger(v.getDataBuffer().getByte(r));
            case SMALLINT:
                return (c, v, r) -> c.addInteger(v.getDataBuffer().getShort((long) r * 2));
            case INTEGER:
            case DATE:
            case TIME:
                return (c, v, r) -> c.addInteger(v.getDataBuffer().getInt((long) r * 4));
            case BIGINT:
                return (c, v, r) -> c.addLong(v.getDataBuffer().getLong((long) r * 8));
            case FLOAT:
                return (c, v, r) -> c.addFloat(v.getDataBuffer().getFloat((long) r * 4));
            case DOUBLE:
                return (c, v, r) -> c.addDouble(v.getDataBuffer().getDouble((long) r * 8));
            case DECIMAL:
                if (type.precision() <= 9) {
                    // the low 64 bits of the 128-bit little-endian unscaled value hold it exactly
                    return (c, v, r) -> c.addInteger((int) v.getDataBuffer().getLong((long) r * 16));
                }
                if (type.precision() <= 18) {
                    return (c, v, r) -> c.addLong(v.getDataBuffer().getLong((long) r * 16));
                }
                return new WideDecimalWriter(ParquetSchemas.decimalBytes(type.precision()));
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return new BytesWriter();
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return new TimestampWriter(type, config);
            case ARRAY:
                return new ListWriter(type, config);
            case MAP:
            case MULTISET:
                return new MapWriter(type, config);
            case ROW:
                return new RowWriter(type, config);
            default:
                throw new IllegalArgumentException("no parquet writer for " + type);
        }
    }

    /** Variable-width bytes, copied into a reused array. */
    private static final class BytesWriter implements ValueWriter {
        private byte[] scratch = new byte[64];

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            ArrowBuf offsets = ((BaseVariableWidthVector) vector).getOffsetBuffer();
            int start = offsets.getInt((long) row * 4);
            int length = offsets.getInt((long) (row + 1) * 4) - start;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, scratch, 0, length);
            consumer.addBinary(Binary.fromReusedByteArray(scratch, 0, length));
        }
    }

    /** A DECIMAL above precision 18: the big-endian two's complement unscaled value in a fixed number of bytes. */
    private static final class WideDecimalWriter implements ValueWriter {
        private final byte[] littleEndian = new byte[16];
        private final byte[] bigEndian;

        WideDecimalWriter(int bytes) {
            this.bigEndian = new byte[bytes];
        }

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            vector.getDataBuffer().getBytes((long) row * 16, littleEndian, 0, 16);
            int n = bigEndian.length;
            for (int i = 0; i < n; i++) {
                bigEndian[i] = littleEndian[n - 1 - i];
            }
            consumer.addBinary(Binary.fromReusedByteArray(bigEndian));
        }
    }

    /** TIMESTAMP and TIMESTAMP_LTZ as INT96 or INT64. */
    private static final class TimestampWriter implements ValueWriter {
        private final ParquetTimestamps timestamps;
        private final int precision;
        private final boolean int64;
        private final org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit unit;

        TimestampWriter(LogicalType type, ParquetFormatConfig config) {
            this.timestamps = new ParquetTimestamps(type.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP,
                    config.utcTimezone(), config.zone());
            this.precision = type.precision();
            this.int64 = config.int64Timestamps();
            this.unit = config.timeUnit();
        }

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            timestamps.fromValue(vector.getDataBuffer().getLong((long) row * 8), precision);
            if (int64) {
                consumer.addLong(timestamps.toInt64(unit));
            } else {
                consumer.addBinary(Binary.fromReusedByteArray(timestamps.toInt96()));
            }
        }
    }

    /** Writes a nested value (element, map key or value, row field) as field {@code index} of its group. */
    private static void field(RecordConsumer consumer, String name, int index, ValueWriter writer, boolean required,
            FieldVector vector, int k) {
        if (vector.isNull(k)) {
            if (required) {
                throw new TableException("Cannot write NULL as the NOT NULL '" + name + "' of a nested value into a"
                        + " parquet file.");
            }
            return;
        }
        consumer.startField(name, index);
        writer.write(consumer, vector, k);
        consumer.endField(name, index);
    }

    /** An ARRAY as a 3-level LIST: one repeated {@code list} group per element, holding {@code element}. */
    private static final class ListWriter implements ValueWriter {
        private final ValueWriter element;
        private final boolean required;

        ListWriter(LogicalType type, ParquetFormatConfig config) {
            this.element = of(type.elementType(), config);
            this.required = !type.elementType().isNullable();
        }

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            ListVector list = (ListVector) vector;
            FieldVector data = list.getDataVector();
            int from = list.getElementStartIndex(row);
            int to = list.getElementEndIndex(row);
            consumer.startGroup();
            if (to > from) {
                consumer.startField(ParquetSchemas.LIST_REPEATED, 0);
                for (int k = from; k < to; k++) {
                    consumer.startGroup();
                    field(consumer, ParquetSchemas.LIST_ELEMENT, 0, element, required, data, k);
                    consumer.endGroup();
                }
                consumer.endField(ParquetSchemas.LIST_REPEATED, 0);
            }
            consumer.endGroup();
        }
    }

    /** A MAP or MULTISET as a MAP group: one repeated {@code key_value} group per entry. */
    private static final class MapWriter implements ValueWriter {
        private final ValueWriter key;
        private final ValueWriter value;
        private final boolean valueRequired;

        MapWriter(LogicalType type, ParquetFormatConfig config) {
            LogicalType values = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                    : LogicalType.integer().notNull();
            this.key = of(type.keyType(), config);
            this.value = of(values, config);
            this.valueRequired = !values.isNullable();
        }

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            MapVector map = (MapVector) vector;
            StructVector entries = (StructVector) map.getDataVector();
            FieldVector keys = (FieldVector) entries.getChild(MapVector.KEY_NAME);
            FieldVector values = (FieldVector) entries.getChild(MapVector.VALUE_NAME);
            int from = map.getElementStartIndex(row);
            int to = map.getElementEndIndex(row);
            consumer.startGroup();
            if (to > from) {
                consumer.startField(ParquetSchemas.MAP_REPEATED, 0);
                for (int k = from; k < to; k++) {
                    consumer.startGroup();
                    field(consumer, ParquetSchemas.MAP_KEY, 0, key, true, keys, k);
                    field(consumer, ParquetSchemas.MAP_VALUE, 1, value, valueRequired, values, k);
                    consumer.endGroup();
                }
                consumer.endField(ParquetSchemas.MAP_REPEATED, 0);
            }
            consumer.endGroup();
        }
    }

    /** A ROW as a group of its fields. */
    private static final class RowWriter implements ValueWriter {
        private final String[] names;
        private final ValueWriter[] fields;
        private final boolean[] required;

        RowWriter(LogicalType type, ParquetFormatConfig config) {
            int n = type.children().size();
            this.names = type.fieldNames().toArray(new String[0]);
            this.fields = new ValueWriter[n];
            this.required = new boolean[n];
            for (int f = 0; f < n; f++) {
                fields[f] = of(type.children().get(f), config);
                required[f] = !type.children().get(f).isNullable();
            }
        }

        @Override
        public void write(RecordConsumer consumer, FieldVector vector, int row) {
            StructVector struct = (StructVector) vector;
            consumer.startGroup();
            for (int f = 0; f < fields.length; f++) {
                field(consumer, names[f], f, fields[f], required[f], (FieldVector) struct.getChildByOrdinal(f), row);
            }
            consumer.endGroup();
        }
    }
}
