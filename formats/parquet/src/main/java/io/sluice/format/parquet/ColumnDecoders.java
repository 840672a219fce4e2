package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the values of one Parquet column chunk straight into an Arrow vector: for each row, the definition
 * level tells NULL from a value, which is written into the vector's buffers (no per-row objects except where a
 * value needs rescaling). {@link #of} checks that the stored physical type and annotation can be read as the
 * declared column type.
 */
abstract class ColumnDecoders {
    private ColumnDecoders() {
    }

    /** Decodes {@code n} values of a column into a vector from row {@code start} on. One per column and file. */
    abstract static class ColumnDecoder {
        private final int maxDefinition;
        private final boolean notNull;
        private final String column;
        private final String file;

        ColumnDecoder(int maxDefinition, LogicalType type, String column, String file) {
            this.maxDefinition = maxDefinition;
            this.notNull = !type.isNullable();
            this.column = column;
            this.file = file;
        }

        /** Reads {@code n} values; the vector has room for {@code start + n} rows. */
        void read(ColumnReader reader, FieldVector vector, int start, int n) {
            int end = start + n;
            for (int row = start; row < end; row++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    value(reader, vector, row);
                } else {
                    if (notNull) {
                        throw new TableException("NULL in the NOT NULL column '" + column + "' of parquet file "
                                + file + ".");
                    }
                    setNull(vector, row);
                }
                reader.consume();
            }
        }

        abstract void value(ColumnReader reader, FieldVector vector, int row);

        void setNull(FieldVector vector, int row) {
            BitVectorHelper.unsetBit(vector.getValidityBuffer(), row);
        }
    }

    /** Sets the validity bit of a fixed-width value. */
    private static void valid(FieldVector vector, int row) {
        BitVectorHelper.setBit(vector.getValidityBuffer(), row);
    }

    /**
     * The decoder reading a stored column as {@code type}.
     *
     * @throws TableException when the stored type cannot be read as the declared one
     */
    static ColumnDecoder of(LogicalType type, PrimitiveType stored, int maxDefinition, ParquetFormatConfig config,
            String column, String file) {
        PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        switch (type.root()) {
            case BOOLEAN:
                if (physical == PrimitiveTypeName.BOOLEAN) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            BitVectorHelper.setValidityBit(v.getDataBuffer(), row, r.getBoolean() ? 1 : 0);
                            valid(v, row);
                        }
                    };
                }
                break;
            case TINYINT:
                if (physical == PrimitiveTypeName.INT32 && !(annotation != null && !isIntAnnotation(annotation))) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setByte(row, r.getInteger());
                            valid(v, row);
                        }
                    };
                }
                break;
            case SMALLINT:
                if (physical == PrimitiveTypeName.INT32 && !(annotation != null && !isIntAnnotation(annotation))) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setShort((long) row * 2, r.getInteger());
                            valid(v, row);
                        }
                    };
                }
                break;
            case INTEGER:
                if (physical == PrimitiveTypeName.INT32 && !(annotation != null && !isIntAnnotation(annotation))) {
                    return int32(type, maxDefinition, column, file);
                }
                break;
            case DATE:
                if (physical == PrimitiveTypeName.INT32 && (annotation == null
                        || annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
                    return int32(type, maxDefinition, column, file);
                }
                break;
            case BIGINT:
                if (physical == PrimitiveTypeName.INT64 && !(annotation != null && !isIntAnnotation(annotation))) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setLong((long) row * 8, r.getLong());
                            valid(v, row);
                        }
                    };
                }
                if (physical == PrimitiveTypeName.INT32 && !(annotation != null && !isIntAnnotation(annotation))) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setLong((long) row * 8, r.getInteger());
                            valid(v, row);
                        }
                    };
                }
                break;
            case FLOAT:
                if (physical == PrimitiveTypeName.FLOAT) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setFloat((long) row * 4, r.getFloat());
                            valid(v, row);
                        }
                    };
                }
                break;
            case DOUBLE:
                if (physical == PrimitiveTypeName.DOUBLE || physical == PrimitiveTypeName.FLOAT) {
                    boolean fromFloat = physical == PrimitiveTypeName.FLOAT;
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            v.getDataBuffer().setDouble((long) row * 8, fromFloat ? r.getFloat() : r.getDouble());
                            valid(v, row);
                        }
                    };
                }
                break;
            case DECIMAL: {
                ColumnDecoder d = decimal(type, stored, maxDefinition, column, file);
                if (d != null) {
                    return d;
                }
                break;
            }
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                if (physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    return new ColumnDecoder(maxDefinition, type, column, file) {
                        @Override
                        void value(ColumnReader r, FieldVector v, int row) {
                            ByteBuffer bytes = r.getBinary().toByteBuffer();
                            ((BaseVariableWidthVector) v).setSafe(row, bytes, bytes.position(), bytes.remaining());
                        }

                        @Override
                        void setNull(FieldVector v, int row) {
                            ((BaseVariableWidthVector) v).setNull(row);
                        }
                    };
                }
                break;
            case TIME: {
                ColumnDecoder d = time(type, stored, maxDefinition, column, file);
                if (d != null) {
                    return d;
                }
                break;
            }
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                ColumnDecoder d = timestamp(type, stored, maxDefinition, config, column, file);
                if (d != null) {
                    return d;
                }
                break;
            }
            default:
                break;
        }
        throw new TableException("Column '" + column + "' of parquet file " + file + " is stored as " + stored
                + ", which cannot be read as " + type.typeName() + ".");
    }

    private static boolean isIntAnnotation(LogicalTypeAnnotation annotation) {
        return annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
    }

    private static ColumnDecoder int32(LogicalType type, int maxDefinition, String column, String file) {
        return new ColumnDecoder(maxDefinition, type, column, file) {
            @Override
            void value(ColumnReader r, FieldVector v, int row) {
                v.getDataBuffer().setInt((long) row * 4, r.getInteger());
                valid(v, row);
            }
        };
    }

    private static ColumnDecoder decimal(LogicalType type, PrimitiveType stored, int maxDefinition, String column,
            String file) {
        PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        int storedScale;
        if (annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            storedScale = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) annotation).getScale();
        } else if (annotation == null && (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)) {
            storedScale = 0;
        } else {
            return null;
        }
        boolean sameScale = storedScale == type.scale();
        switch (physical) {
            case INT32:
            case INT64: {
                boolean int32 = physical == PrimitiveTypeName.INT32;
                return new ColumnDecoder(maxDefinition, type, column, file) {
                    @Override
                    void value(ColumnReader r, FieldVector v, int row) {
                        long unscaled = int32 ? r.getInteger() : r.getLong();
                        if (sameScale) {
                            ((DecimalVector) v).set(row, unscaled);
                        } else {
                            setRescaled((DecimalVector) v, row, BigDecimal.valueOf(unscaled, storedScale), type,
                                    column, file);
                        }
                    }
                };
            }
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                return new ColumnDecoder(maxDefinition, type, column, file) {
                    @Override
                    void value(ColumnReader r, FieldVector v, int row) {
                        Binary b = r.getBinary();
                        if (sameScale && b.length() <= 16) {
                            ((DecimalVector) v).setBigEndian(row, b.getBytesUnsafe());
                        } else {
                            setRescaled((DecimalVector) v, row, new BigDecimal(new BigInteger(b.getBytes()),
                                    storedScale), type, column, file);
                        }
                    }
                };
            default:
                return null;
        }
    }

    private static void setRescaled(DecimalVector v, int row, BigDecimal value, LogicalType type, String column,
            String file) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.precision()) {
            throw new TableException("Value " + value + " of column '" + column + "' of parquet file " + file
                    + " does not fit " + type.typeName() + ".");
        }
        v.set(row, scaled);
    }

    private static ColumnDecoder time(LogicalType type, PrimitiveType stored, int maxDefinition, String column,
            String file) {
        PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        if (physical == PrimitiveTypeName.INT32 && (annotation == null
                || annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation)) {
            return int32(type, maxDefinition, column, file);
        }
        if (physical == PrimitiveTypeName.INT64
                && annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
            long perMilli = ((LogicalTypeAnnotation.TimeLogicalTypeAnnotation) annotation).getUnit()
                    == LogicalTypeAnnotation.TimeUnit.MICROS ? 1000L : 1_000_000L;
            return new ColumnDecoder(maxDefinition, type, column, file) {
                @Override
                void value(ColumnReader r, FieldVector v, int row) {
                    v.getDataBuffer().setInt((long) row * 4, (int) Math.floorDiv(r.getLong(), perMilli));
                    valid(v, row);
                }
            };
        }
        return null;
    }

    private static ColumnDecoder timestamp(LogicalType type, PrimitiveType stored, int maxDefinition,
            ParquetFormatConfig config, String column, String file) {
        PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        ParquetTimestamps timestamps = new ParquetTimestamps(type.root() == TypeRoot.TIMESTAMP, config.utcTimezone(),
                config.zone());
        int precision = type.precision();
        if (physical == PrimitiveTypeName.INT96) {
            return new ColumnDecoder(maxDefinition, type, column, file) {
                @Override
                void value(ColumnReader r, FieldVector v, int row) {
                    Binary b = r.getBinary();
                    ByteBuffer bytes = b.toByteBuffer();
                    if (bytes.hasArray()) {
                        timestamps.fromInt96(bytes.array(), bytes.arrayOffset() + bytes.position());
                    } else {
                        timestamps.fromInt96(b.getBytes(), 0);
                    }
                    ((BaseFixedWidthVector) v).getDataBuffer().setLong((long) row * 8,
                            timestamps.toValue(precision, true));
                    valid(v, row);
                }
            };
        }
        if (physical == PrimitiveTypeName.INT64
                && annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts =
                    (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) annotation;
            LogicalTypeAnnotation.TimeUnit unit = ts.getUnit();
            boolean adjusted = ts.isAdjustedToUTC();
            return new ColumnDecoder(maxDefinition, type, column, file) {
                @Override
                void value(ColumnReader r, FieldVector v, int row) {
                    timestamps.fromInt64(r.getLong(), unit);
                    v.getDataBuffer().setLong((long) row * 8, timestamps.toValue(precision, adjusted));
                    valid(v, row);
                }
            };
        }
        return null;
    }
}
