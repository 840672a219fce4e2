package io.sluice.table.api.internal;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.sql.parser.ast.DataTypeSpec;
import io.sluice.table.api.ValidationException;

/** Maps a DDL type ({@link DataTypeSpec}) to a runtime {@link LogicalType} with Flink's defaults. */
final class DdlTypes {
    private DdlTypes() {
    }

    static LogicalType toLogicalType(DataTypeSpec spec) {
        int p = spec.precision();
        int s = spec.scale();
        boolean hasP = p != DataTypeSpec.UNSPECIFIED;
        LogicalType t;
        switch (spec.name()) {
            case "BOOLEAN":
                t = LogicalType.of(TypeRoot.BOOLEAN);
                break;
            case "TINYINT":
                t = LogicalType.of(TypeRoot.TINYINT);
                break;
            case "SMALLINT":
                t = LogicalType.of(TypeRoot.SMALLINT);
                break;
            case "INT":
                t = LogicalType.of(TypeRoot.INTEGER);
                break;
            case "BIGINT":
                t = LogicalType.of(TypeRoot.BIGINT);
                break;
            case "FLOAT":
            case "REAL":
                t = LogicalType.of(TypeRoot.FLOAT);
                break;
            case "DOUBLE":
                t = LogicalType.of(TypeRoot.DOUBLE);
                break;
            case "DECIMAL":
                if (hasP && (p < 1 || p > LogicalType.MAX_DECIMAL_PRECISION)) {
                    throw new ValidationException("Decimal precision must be between 1 and 38 (both inclusive), was "
                            + p + ".");
                }
                t = LogicalType.decimal(hasP ? p : 10, s == DataTypeSpec.UNSPECIFIED ? 0 : s);
                break;
            case "CHAR":
                t = LogicalType.of(TypeRoot.CHAR, hasP ? p : 1);
                break;
            case "VARCHAR":
                t = LogicalType.of(TypeRoot.VARCHAR, hasP ? p : LogicalType.MAX_LENGTH);
                break;
            case "STRING":
                t = LogicalType.string();
                break;
            case "BINARY":
                t = LogicalType.of(TypeRoot.BINARY, hasP ? p : 1);
                break;
            case "VARBINARY":
                t = LogicalType.of(TypeRoot.VARBINARY, hasP ? p : LogicalType.MAX_LENGTH);
                break;
            case "BYTES":
                t = LogicalType.bytes();
                break;
            case "DATE":
                t = LogicalType.of(TypeRoot.DATE);
                break;
            case "TIME":
                t = LogicalType.of(TypeRoot.TIME, hasP ? p : 0);
                break;
            case "TIMESTAMP":
                t = LogicalType.timestamp(hasP ? p : 6);
                break;
            case "TIMESTAMP_LTZ":
                t = LogicalType.timestampLtz(hasP ? p : 6);
                break;
            case "INTERVAL": {
                String from = spec.intervalFrom() == null ? "" : spec.intervalFrom().toUpperCase();
                t = from.startsWith("YEAR") || from.startsWith("MONTH")
                        ? LogicalType.of(TypeRoot.INTERVAL_YEAR_MONTH) : LogicalType.of(TypeRoot.INTERVAL_DAY_TIME, 3);
                break;
            }
            case "ARRAY":
                t = LogicalType.array(toLogicalType(spec.children().get(0)));
                break;
            case "MULTISET":
                t = LogicalType.multiset(toLogicalType(spec.children().get(0)));
                break;
            case "MAP":
                t = LogicalType.map(toLogicalType(spec.children().get(0)), toLogicalType(spec.children().get(1)));
                break;
            case "ROW": {
                java.util.List<LogicalType> fields = new java.util.ArrayList<>();
                for (DataTypeSpec c : spec.children()) {
                    fields.add(toLogicalType(c));
                }
                t = LogicalType.row(spec.fieldNames(), fields);
                break;
            }
            default:
                throw new ValidationException("Unknown data type '" + spec.name() + "'.");
        }
        return t.copy(spec.nullable());
    }
}
