package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one non-null value of a column vector to a Parquet {@link RecordConsumer}, in the physical type
 * {@link ParquetSchemas} chose for the column. Values are read straight from the vectors' buffers; strings,
 * binaries and wide decimals go through a scratch array reused for every value (Parquet copies what it keeps).
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
}
