package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Converters of the primitive values inside ARRAY, MAP, MULTISET and ROW columns ({@link NestedConverters}): each
 * hands a value to its sink as {@code VectorValues} writes it (numbers, strings, byte arrays, {@code BigDecimal}s,
 * and DATE, TIME and timestamps as raw vector values), reading the same stored types as the top-level column
 * decoders ({@link ColumnDecoders}).
 */
final class LeafConverters {
    private LeafConverters() {
    }

    /** Converts the primitive values of a leaf to the column type's vector values, as the top-level decoders do. */
    static PrimitiveConverter of(LogicalType type, PrimitiveType stored, Consumer<Object> sink,
            ParquetFormatConfig config, String column, String file) {
        PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        boolean plainInt = annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
        switch (type.root()) {
            case BOOLEAN:
                if (physical == PrimitiveTypeName.BOOLEAN) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBoolean(boolean value) {
                            sink.accept(value);
                        }
                    };
                }
                break;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
                if (physical == PrimitiveTypeName.INT32 && plainInt) {
                    return ints(sink);
                }
                break;
            case DATE:
                if (physical == PrimitiveTypeName.INT32 && (annotation == null
                        || annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
                    return ints(sink);
                }
                break;
            case BIGINT:
                if ((physical == PrimitiveTypeName.INT64 || physical == PrimitiveTypeName.INT32) && plainInt) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addInt(int value) {
                            sink.accept((long) value);
                        }

                        @Override
                        public void addLong(long value) {
                            sink.accept(value);
                        }
                    };
                }
                break;
            case FLOAT:
            case DOUBLE:
                if (physical == PrimitiveTypeName.FLOAT || (physical == PrimitiveTypeName.DOUBLE
                        && type.root() == TypeRoot.DOUBLE)) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addFloat(float value) {
                            sink.accept(type.root() == TypeRoot.FLOAT ? (Object) value : (Object) (double) value);
                        }

                        @Override
                        public void addDouble(double value) {
                            sink.accept(value);
                        }
                    };
                }
                break;
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                if (physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    boolean text = type.root().isCharacterString();
                    return new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            sink.accept(text ? value.toStringUsingUTF8() : value.getBytes());
                        }
                    };
                }
                break;
            case DECIMAL: {
                int storedScale;
                if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    storedScale = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) annotation).getScale();
                } else if (annotation == null && (physical == PrimitiveTypeName.INT32
                        || physical == PrimitiveTypeName.INT64)) {
                    storedScale = 0;
                } else {
                    break;
                }
                Consumer<BigDecimal> decimal = d -> {
                    BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
                    if (scaled.precision() > type.precision()) {
                        throw new TableException("Value " + d + " of column '" + column + "' of parquet file " + file
                                + " does not fit " + type.typeName() + ".");
                    }
                    sink.accept(scaled);
                };
                return new PrimitiveConverter() {
                    @Override
                    public void addInt(int value) {
                        decimal.accept(BigDecimal.valueOf(value, storedScale));
                    }

                    @Override
                    public void addLong(long value) {
                        decimal.accept(BigDecimal.valueOf(value, storedScale));
                    }

                    @Override
                    public void addBinary(Binary value) {
                        decimal.accept(new BigDecimal(new BigInteger(value.getBytes()), storedScale));
                    }
                };
            }
            case TIME:
                if (physical == PrimitiveTypeName.INT32 && (annotation == null
                        || annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation)) {
                    return ints(sink);
                }
                if (physical == PrimitiveTypeName.INT64
                        && annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    long perMilli = ((LogicalTypeAnnotation.TimeLogicalTypeAnnotation) annotation).getUnit()
                            == LogicalTypeAnnotation.TimeUnit.MICROS ? 1000L : 1_000_000L;
                    return new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            sink.accept((int) Math.floorDiv(value, perMilli));
                        }
                    };
                }
                break;
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                ParquetTimestamps timestamps = new ParquetTimestamps(type.root() == TypeRoot.TIMESTAMP,
                        config.utcTimezone(), config.zone());
                int precision = type.precision();
                if (physical == PrimitiveTypeName.INT96) {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            ByteBuffer bytes = value.toByteBuffer();
                            if (bytes.hasArray()) {
                                timestamps.fromInt96(bytes.array(), bytes.arrayOffset() + bytes.position());
                            } else {
                                timestamps.fromInt96(value.getBytes(), 0);
                            }
                            sink.accept(timestamps.toValue(precision, true));
                        }
                    };
                }
                if (physical == PrimitiveTypeName.INT64
                        && annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts =
                            (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) annotation;
                    return new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            timestamps.fromInt64(value, ts.getUnit());
                            sink.accept(timestamps.toValue(precision, ts.isAdjustedToUTC()));
                        }
                    };
                }
                break;
            }
            default:
                break;
        }
        throw new TableException("Column '" + column + "' of parquet file " + file + " is stored as " + stored
                + ", which cannot be read as " + type.typeName() + ".");
    }

    private static PrimitiveConverter ints(Consumer<Object> sink) {
        return new PrimitiveConverter() {
            @Override
            public void addInt(int value) {
                sink.accept(value);
            }
        };
    }
}
