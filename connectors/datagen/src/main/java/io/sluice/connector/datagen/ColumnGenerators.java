package io.sluice.connector.datagen;

import java.time.ZoneId;
import java.util.SplittableRandom;

/** Chooses the {@link ColumnGenerator} of a {@link FieldSpec}. */
final class ColumnGenerators {
    private ColumnGenerators() {
    }

    /**
     * @param random the column's own random source
     * @param zone the session time zone, which defines "today" and "now" for DATE and TIME columns
     */
    static ColumnGenerator create(FieldSpec spec, SplittableRandom random, ZoneId zone) {
        if (spec.kind() == GeneratorKind.SEQUENCE) {
            if (spec.type().root().isNumeric()) {
                return new SequenceNumberColumn(spec);
            }
            return new SequenceTextColumn(spec);
        }
        switch (spec.type().root()) {
            case BOOLEAN:
                return new RandomBooleanColumn(spec, random);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return new RandomIntegralColumn(spec, random);
            case FLOAT:
            case DOUBLE:
                return new RandomFloatingColumn(spec, random);
            case DECIMAL:
                return new RandomDecimalColumn(spec, random);
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return new RandomBytesColumn(spec, random);
            case DATE:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return new CurrentTimeColumn(spec, random, zone);
            default:
                throw new IllegalArgumentException("no datagen generator for " + spec.type());
        }
    }
}
