package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema Sluice writes for a row type, the same one Flink's parquet format writes: nullable columns
 * are OPTIONAL, NOT NULL columns REQUIRED; TINYINT and SMALLINT are annotated INT32, DECIMAL is INT32 up to
 * precision 9, INT64 up to 18 and a FIXED_LEN_BYTE_ARRAY above, strings are UTF-8 BINARY, TIME is INT32
 * milliseconds, and timestamps are INT96 (or INT64 with the {@code write.int64.timestamp} option). An ARRAY is a
 * 3-level LIST ({@code group (LIST) { repeated group list { element } }}), a MAP a MAP group
 * ({@code repeated group key_value { required key; value }}), a MULTISET a MAP from element to a required INT32
 * count, and a ROW a group of its fields.
 */
final class ParquetSchemas {
    /** The name of the message type of written files. */
    static final String MESSAGE_NAME = "sluice_schema";
    /** The names of the groups and fields of written lists and maps (Parquet's and Flink's). */
    static final String LIST_REPEATED = "list";
    static final String LIST_ELEMENT = "element";
    static final String MAP_REPEATED = "key_value";
    static final String MAP_KEY = "key";
    static final String MAP_VALUE = "value";

    private ParquetSchemas() {
    }

    /**
     * The message type of files holding rows of {@code type}.
     *
     * @throws UnsupportedFeatureException for a column type Parquet files cannot hold here (intervals)
     */
    static MessageType messageType(RowType type, ParquetFormatConfig config) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (int i = 0; i < type.size(); i++) {
            builder.addField(field(type.name(i), type.type(i), config));
        }
        return builder.named(MESSAGE_NAME);
    }

    /** Fails for a column type the format cannot read or write. */
    static void checkSupported(String name, LogicalType type) {
        switch (type.root()) {
            case BOOLEAN: case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case FLOAT: case DOUBLE:
            case DECIMAL: case CHAR: case VARCHAR: case BINARY: case VARBINARY: case DATE: case TIME:
            case TIMESTAMP: case TIMESTAMP_LTZ:
                return;
            case ARRAY: case MAP: case MULTISET: case ROW:
                for (LogicalType child : type.children()) {
                    checkSupported(name, child);
                }
                return;
            default:
                throw new UnsupportedFeatureException("column '" + name + "' of type " + type.typeName()
                        + " in the parquet format");
        }
    }

    private static Type field(String name, LogicalType type, ParquetFormatConfig config) {
        checkSupported(name, type);
        Type.Repetition repetition = type.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        switch (type.root()) {
            case ARRAY:
                return Types.list(repetition).element(field(LIST_ELEMENT, type.elementType(), config)).named(name);
            case MAP:
            case MULTISET: {
                LogicalType values = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                        : LogicalType.integer().notNull();
                return Types.map(repetition).key(field(MAP_KEY, type.keyType().notNull(), config))
                        .value(field(MAP_VALUE, values, config)).named(name);
            }
            case ROW: {
                Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
                for (int f = 0; f < type.children().size(); f++) {
                    group.addField(field(type.fieldNames().get(f), type.children().get(f), config));
                }
                return group.named(name);
            }
            case BOOLEAN:
                return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case TINYINT:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case SMALLINT:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INTEGER:
                return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT:
                return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT:
                return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE:
                return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case DECIMAL: {
                LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
                if (type.precision() <= 9) {
                    return Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal).named(name);
                }
                if (type.precision() <= 18) {
                    return Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal).named(name);
                }
                return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                        .length(decimalBytes(type.precision())).as(decimal).named(name);
            }
            case CHAR:
            case VARCHAR:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
            case BINARY:
            case VARBINARY:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(name);
            case TIME:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.timeType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                if (!config.int64Timestamps()) {
                    return Types.primitive(PrimitiveTypeName.INT96, repetition).named(name);
                }
                return Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, config.timeUnit())).named(name);
            default:
                throw new UnsupportedFeatureException("column '" + name + "' of type " + type.typeName()
                        + " in the parquet format");
        }
    }

    /** The fewest bytes a two's complement unscaled value of {@code precision} decimal digits fits in. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }
}
