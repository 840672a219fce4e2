package io.sluice.planner.functions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Flink's window table functions {@code TUMBLE}, {@code HOP} and {@code CUMULATE}: Calcite's window
 * table functions with Flink's output columns, the input columns followed by {@code window_start},
 * {@code window_end} (TIMESTAMP(3)) and {@code window_time} (the time attribute's type, precision 3).
 */
public final class WindowTableFunctions {
    private WindowTableFunctions() {
    }

    public static final SqlWindowTableFunction TUMBLE =
            new FlinkWindowFunction("TUMBLE", new org.apache.calcite.sql.SqlTumbleTableFunction().getOperandTypeChecker());
    public static final SqlWindowTableFunction HOP =
            new FlinkWindowFunction("HOP", new org.apache.calcite.sql.SqlHopTableFunction().getOperandTypeChecker());
    /** CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset]): the same operands as HOP. */
    public static final SqlWindowTableFunction CUMULATE =
            new FlinkWindowFunction("CUMULATE", new org.apache.calcite.sql.SqlHopTableFunction().getOperandTypeChecker());

    /**
     * SESSION(TABLE t, DESCRIPTOR(ts), [DESCRIPTOR(keys),] gap), Calcite's form; Flink's
     * {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} is rewritten into it before validation
     * (SessionPartitionRewriter).
     */
    public static final SqlWindowTableFunction SESSION =
            new FlinkWindowFunction("SESSION", new org.apache.calcite.sql.SqlSessionTableFunction().getOperandTypeChecker());

    private static final Map<String, SqlOperator> BY_NAME =
            Map.of("TUMBLE", TUMBLE, "HOP", HOP, "CUMULATE", CUMULATE, "SESSION", SESSION);

    /** {@code builtIns} with Flink's window table functions in place of Calcite's. */
    public static SqlOperatorTable withWindowFunctions(SqlOperatorTable builtIns) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                    List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
                if (opName.isSimple() && syntax == SqlSyntax.FUNCTION) {
                    SqlOperator w = BY_NAME.get(opName.getSimple().toUpperCase(Locale.ROOT));
                    if (w != null) {
                        operatorList.add(w);
                        return;
                    }
                }
                builtIns.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                List<SqlOperator> all = new java.util.ArrayList<>();
                for (SqlOperator op : builtIns.getOperatorList()) {
                    if (!BY_NAME.containsKey(op.getName())) {
                        all.add(op);
                    }
                }
                all.addAll(BY_NAME.values());
                return all;
            }
        };
    }

    /** A window table function whose row type adds Flink's three window columns. */
    private static class FlinkWindowFunction extends SqlWindowTableFunction {
        FlinkWindowFunction(String name, SqlOperandMetadata operands) {
            super(name, operands);
        }

        @Override
        public SqlReturnTypeInference getRowTypeInference() {
            return FlinkWindowFunction::inferRowType;
        }

        private static RelDataType inferRowType(SqlOperatorBinding binding) {
            RelDataTypeFactory f = binding.getTypeFactory();
            RelDataType input = binding.getOperandType(0);
            RelDataType timeType = f.createSqlType(SqlTypeName.TIMESTAMP, 3);
            String timeColumn = descriptorColumn(binding);
            if (timeColumn != null) {
                RelDataTypeField field = input.getField(timeColumn, true, false);
                if (field != null && field.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                    timeType = f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
                }
            }
            return f.builder()
                    .kind(input.getStructKind())
                    .addAll(input.getFieldList())
                    .add("window_start", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                    .add("window_end", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                    .add("window_time", timeType)
                    .build();
        }

        private static String descriptorColumn(SqlOperatorBinding binding) {
            if (!(binding instanceof SqlCallBinding)) {
                return null;
            }
            for (SqlNode operand : ((SqlCallBinding) binding).operands()) {
                if (operand instanceof SqlCall && ((SqlCall) operand).getKind() == SqlKind.DESCRIPTOR) {
                    List<SqlNode> columns = ((SqlBasicCall) operand).getOperandList();
                    if (columns.size() == 1 && columns.get(0) instanceof SqlIdentifier) {
                        return ((SqlIdentifier) columns.get(0)).getSimple();
                    }
                }
            }
            return null;
        }
    }
}
