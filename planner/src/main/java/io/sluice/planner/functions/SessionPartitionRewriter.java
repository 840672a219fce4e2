package io.sluice.planner.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites Flink's {@code SESSION(TABLE t PARTITION BY k1, k2, DESCRIPTOR(ts), gap)} into the form
 * {@link WindowTableFunctions#SESSION} validates, {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k1, k2), gap)},
 * before validation. Other calls are left alone.
 */
public final class SessionPartitionRewriter extends SqlShuttle {

    /** The query with every partitioned SESSION call rewritten. */
    public static SqlNode rewrite(SqlNode query) {
        SqlNode result = query.accept(new SessionPartitionRewriter());
        return result == null ? query : result;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited == null) {
            visited = call;
        }
        if (!visited.getOperator().getName().toUpperCase(Locale.ROOT).equals("SESSION")
                || visited.operandCount() != 3 || visited.operand(0) == null
                || visited.operand(0).getKind() != SqlKind.SET_SEMANTICS_TABLE) {
            return visited;
        }
        SqlCall setTable = visited.operand(0);
        SqlNode table = setTable.operand(0);
        SqlNodeList partition = setTable.operand(1);
        SqlParserPos pos = visited.getParserPosition();
        List<SqlNode> operands = new ArrayList<>();
        operands.add(table);
        operands.add(visited.operand(1));
        operands.add(new SqlBasicCall(SqlStdOperatorTable.DESCRIPTOR, partition.getList(), partition.getParserPosition()));
        operands.add(visited.operand(2));
        return new SqlBasicCall(visited.getOperator(), operands, pos, visited.getFunctionQuantifier());
    }
}
