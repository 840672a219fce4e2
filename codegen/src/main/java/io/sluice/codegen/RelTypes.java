package io.sluice.codegen;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's {@link RelDataType} and the runtime's {@link LogicalType}. */
public final class RelTypes {
    private RelTypes() {
    }

    public static LogicalType toLogicalType(RelDataType t) {
        LogicalType lt;
        switch (t.getSqlTypeName()) {
            case BOOLEAN:
                lt = LogicalType.of(TypeRoot.BOOLEAN);
                break;
            case TINYINT:
                lt = LogicalType.of(TypeRoot.TINYINT);
                break;
            case SMALLINT:
                lt = LogicalType.of(TypeRoot.SMALLINT);
                break;
            case INTEGER:
                lt = LogicalType.of(TypeRoot.INTEGER);
                break;
            case BIGINT:
                lt = LogicalType.of(TypeRoot.BIGINT);
                break;
            case REAL:
            case FLOAT:
                lt = LogicalType.of(TypeRoot.FLOAT);
                break;
            case DOUBLE:
                lt = LogicalType.of(TypeRoot.DOUBLE);
                break;
            case DECIMAL:
                lt = LogicalType.of(TypeRoot.DECIMAL, t.getPrecision(), t.getScale());
                break;
            case CHAR:
                lt = LogicalType.of(TypeRoot.CHAR, t.getPrecision());
                break;
            case VARCHAR:
                lt = LogicalType.of(TypeRoot.VARCHAR, t.getPrecision());
                break;
            case BINARY:
                lt = LogicalType.of(TypeRoot.BINARY, t.getPrecision());
                break;
            case VARBINARY:
                lt = LogicalType.of(TypeRoot.VARBINARY, t.getPrecision());
                break;
            case DATE:
                lt = LogicalType.of(TypeRoot.DATE);
                break;
            case TIME:
                lt = LogicalType.of(TypeRoot.TIME, t.getPrecision());
                break;
            case TIMESTAMP:
                lt = LogicalType.of(TypeRoot.TIMESTAMP, t.getPrecision());
                break;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                lt = LogicalType.of(TypeRoot.TIMESTAMP_LTZ, t.getPrecision());
                break;
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                lt = LogicalType.of(TypeRoot.INTERVAL_YEAR_MONTH);
                break;
            case INTERVAL_DAY:
            case INTERVAL_DAY_HOUR:
            case INTERVAL_DAY_MINUTE:
            case INTERVAL_DAY_SECOND:
            case INTERVAL_HOUR:
            case INTERVAL_HOUR_MINUTE:
            case INTERVAL_HOUR_SECOND:
            case INTERVAL_MINUTE:
            case INTERVAL_MINUTE_SECOND:
            case INTERVAL_SECOND:
                lt = LogicalType.of(TypeRoot.INTERVAL_DAY_TIME, 3);
                break;
            case NULL:
                lt = LogicalType.of(TypeRoot.NULL);
                break;
            case ARRAY:
                lt = LogicalType.array(toLogicalType(t.getComponentType()));
                break;
            case MULTISET:
                lt = LogicalType.multiset(toLogicalType(t.getComponentType()));
                break;
            case MAP:
                lt = LogicalType.map(toLogicalType(t.getKeyType()), toLogicalType(t.getValueType()));
                break;
            case ROW: {
                List<String> names = new ArrayList<>();
                List<LogicalType> types = new ArrayList<>();
                for (RelDataTypeField f : t.getFieldList()) {
                    names.add(f.getName());
                    types.add(toLogicalType(f.getType()));
                }
                lt = LogicalType.row(names, types);
                break;
            }
            default:
                throw new UnsupportedFeatureException("type " + t.getFullTypeString());
        }
        return lt.copy(t.isNullable());
    }

    public static RowType toRowType(RelDataType rowType) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (RelDataTypeField f : rowType.getFieldList()) {
            names.add(f.getName());
            types.add(toLogicalType(f.getType()));
        }
        return new RowType(names, types);
    }

    public static RelDataType toRelDataType(LogicalType t, RelDataTypeFactory f) {
        RelDataType r;
        switch (t.root()) {
            case BOOLEAN:
                r = f.createSqlType(SqlTypeName.BOOLEAN);
                break;
            case TINYINT:
                r = f.createSqlType(SqlTypeName.TINYINT);
                break;
            case SMALLINT:
                r = f.createSqlType(SqlTypeName.SMALLINT);
                break;
            case INTEGER:
                r = f.createSqlType(SqlTypeName.INTEGER);
                break;
            case BIGINT:
                r = f.createSqlType(SqlTypeName.BIGINT);
                break;
            case FLOAT:
                r = f.createSqlType(SqlTypeName.FLOAT);
                break;
            case DOUBLE:
                r = f.createSqlType(SqlTypeName.DOUBLE);
                break;
            case DECIMAL:
                r = f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
                break;
            case CHAR:
                r = f.createSqlType(SqlTypeName.CHAR, t.precision());
                break;
            case VARCHAR:
                r = f.createSqlType(SqlTypeName.VARCHAR, t.precision());
                break;
            case BINARY:
                r = f.createSqlType(SqlTypeName.BINARY, t.precision());
                break;
            case VARBINARY:
                r = f.createSqlType(SqlTypeName.VARBINARY, t.precision());
                break;
            case DATE:
                r = f.createSqlType(SqlTypeName.DATE);
                break;
            case TIME:
                r = f.createSqlType(SqlTypeName.TIME, t.precision());
                break;
            case TIMESTAMP:
                r = f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
                break;
            case TIMESTAMP_LTZ:
                r = f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision());
                break;
            case INTERVAL_YEAR_MONTH:
                r = f.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                        org.apache.calcite.avatica.util.TimeUnit.YEAR, org.apache.calcite.avatica.util.TimeUnit.MONTH,
                        org.apache.calcite.sql.parser.SqlParserPos.ZERO));
                break;
            case INTERVAL_DAY_TIME:
                r = f.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                        org.apache.calcite.avatica.util.TimeUnit.DAY, org.apache.calcite.avatica.util.TimeUnit.SECOND,
                        org.apache.calcite.sql.parser.SqlParserPos.ZERO));
                break;
            case NULL:
                r = f.createSqlType(SqlTypeName.NULL);
                break;
            case ARRAY:
                r = f.createArrayType(toRelDataType(t.elementType(), f), -1);
                break;
            case MULTISET:
                r = f.createMultisetType(toRelDataType(t.elementType(), f), -1);
                break;
            case MAP:
                r = f.createMapType(toRelDataType(t.keyType(), f), toRelDataType(t.valueType(), f));
                break;
            case ROW: {
                List<RelDataType> types = new ArrayList<>();
                for (LogicalType c : t.children()) {
                    types.add(toRelDataType(c, f));
                }
                r = f.createStructType(org.apache.calcite.rel.type.StructKind.PEEK_FIELDS_NO_EXPAND, types,
                        t.fieldNames());
                break;
            }
            default:
                throw new UnsupportedFeatureException("type " + t);
        }
        return f.createTypeWithNullability(r, t.isNullable());
    }
}
