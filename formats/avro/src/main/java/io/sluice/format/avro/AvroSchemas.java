package io.sluice.format.avro;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Derives the Avro schema of a table's rows as Flink does: a record named
 * {@code org.apache.flink.avro.generated.record} with one field per column in column order; a nullable column is a
 * union of {@code null} and its type. BOOLEAN boolean; TINYINT, SMALLINT, INT int; BIGINT long; FLOAT float;
 * DOUBLE double; CHAR, VARCHAR string; BINARY, VARBINARY bytes; DECIMAL(p, s) bytes with logical type
 * decimal(p, s); DATE int (date); TIME int (time-millis); TIMESTAMP(p) and TIMESTAMP_LTZ(p) long with
 * timestamp-millis for p up to 3 and timestamp-micros up to 6 (with the non-legacy mapping TIMESTAMP is
 * local-timestamp-millis/micros). ARRAY is an array of its elements, MAP and MULTISET (element to count) a map, whose
 * keys Avro requires to be strings, ROW a nested record named after the enclosing record and the field
 * ({@code org.apache.flink.avro.generated.record_address}); nullable elements, values and fields are unions with
 * {@code null} as well.
 */
public final class AvroSchemas {
    /** Flink's name of the record of a table's rows. */
    public static final String RECORD_NAME = "org.apache.flink.avro.generated.record";

    private AvroSchemas() {
    }

    /** The record schema of rows of {@code type}. */
    public static Schema of(RowType type, boolean legacyTimestamps) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(RECORD_NAME).fields();
        for (int i = 0; i < type.size(); i++) {
            Schema field = of(type.type(i), type.name(i), RECORD_NAME + "_" + type.name(i), legacyTimestamps);
            fields = type.type(i).isNullable()
                    ? fields.name(type.name(i)).type(Schema.createUnion(Schema.create(Schema.Type.NULL), field))
                            .withDefault(null)
                    : fields.name(type.name(i)).type(field).noDefault();
        }
        return fields.endRecord();
    }

    /**
     * The (non-null) schema of values of {@code type} in column {@code column}; a ROW is a record named
     * {@code recordName}.
     */
    static Schema of(LogicalType type, String column, String recordName, boolean legacyTimestamps) {
        switch (type.root()) {
            case ARRAY:
                return Schema.createArray(nullable(type.elementType(), column, recordName, legacyTimestamps));
            case MAP:
            case MULTISET: {
                if (!type.keyType().root().isCharacterString()) {
                    throw new UnsupportedFeatureException("the 'avro' format for type " + type.typeName()
                            + " (column '" + column + "'): Avro map keys are strings, as in Flink the key type must"
                            + " be STRING, CHAR or VARCHAR");
                }
                // a MULTISET's counts are a nullable INT, as in Flink
                LogicalType values = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                        : LogicalType.integer();
                return Schema.createMap(nullable(values, column, recordName, legacyTimestamps));
            }
            case ROW: {
                SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(recordName).fields();
                for (int f = 0; f < type.children().size(); f++) {
                    LogicalType fieldType = type.children().get(f);
                    String name = type.fieldNames().get(f);
                    Schema field = nullable(fieldType, column, recordName + "_" + name, legacyTimestamps);
                    fields = fieldType.isNullable() ? fields.name(name).type(field).withDefault(null)
                            : fields.name(name).type(field).noDefault();
                }
                return fields.endRecord();
            }
            case BOOLEAN:
                return Schema.create(Schema.Type.BOOLEAN);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
                return Schema.create(Schema.Type.INT);
            case BIGINT:
                return Schema.create(Schema.Type.LONG);
            case FLOAT:
                return Schema.create(Schema.Type.FLOAT);
            case DOUBLE:
                return Schema.create(Schema.Type.DOUBLE);
            case CHAR:
            case VARCHAR:
                return Schema.create(Schema.Type.STRING);
            case BINARY:
            case VARBINARY:
                return Schema.create(Schema.Type.BYTES);
            case DECIMAL:
                return LogicalTypes.decimal(type.precision(), type.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
            case DATE:
                return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIME:
                return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP:
            case TIMESTAMP_LTZ: {
                int p = type.precision();
                if (p > 6) {
                    throw new UnsupportedFeatureException("the 'avro' format for " + type.typeName() + " (column '"
                            + column + "'): Avro timestamps have at most microseconds, use a precision up to 6");
                }
                boolean local = type.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP && !legacyTimestamps;
                org.apache.avro.LogicalType logical = p <= 3
                        ? (local ? LogicalTypes.localTimestampMillis() : LogicalTypes.timestampMillis())
                        : (local ? LogicalTypes.localTimestampMicros() : LogicalTypes.timestampMicros());
                return logical.addToSchema(Schema.create(Schema.Type.LONG));
            }
            default:
                throw new UnsupportedFeatureException("the 'avro' format for type " + type.typeName() + " (column '"
                        + column + "')");
        }
    }

    /** The schema of {@code type}, a union with {@code null} first when it is nullable. */
    private static Schema nullable(LogicalType type, String column, String recordName, boolean legacyTimestamps) {
        Schema schema = of(type, column, recordName, legacyTimestamps);
        return type.isNullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), schema) : schema;
    }

    /** The non-null branch of a nullable union, or the schema itself. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }
}
