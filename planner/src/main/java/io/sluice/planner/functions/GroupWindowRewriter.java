package io.sluice.planner.functions;

import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Rewrites Flink's legacy group window aggregation, {@code GROUP BY k, TUMBLE(ts, size)} (also {@code HOP(ts, slide,
 * size)} and {@code SESSION(ts, gap)}) with the auxiliary functions {@code TUMBLE_START/END/ROWTIME/PROCTIME} (and the
 * {@code HOP_} and {@code SESSION_} ones), into the equivalent window table function aggregation before validation:
 * the FROM clause becomes {@code TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size))}, the window call in GROUP BY becomes
 * {@code window_start, window_end} (and {@code window_time} when a ROWTIME or PROCTIME auxiliary is used), and the
 * auxiliaries become {@code window_start}, {@code window_end} and {@code window_time}. A SESSION window is per key,
 * as in Flink: it is partitioned by the other GROUP BY columns. Queries without a group window are left alone.
 */
public final class GroupWindowRewriter extends SqlShuttle {

    private static final List<String> WINDOWS = List.of("TUMBLE", "HOP", "SESSION");

    /** The query with every legacy group window aggregation rewritten. */
    public static SqlNode rewrite(SqlNode query) {
        SqlNode result = query.accept(new GroupWindowRewriter());
        return result == null ? query : result;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select) {
            rewriteSelect(select);
        }
        return visited;
    }

    private static void rewriteSelect(SqlSelect select) {
        SqlNodeList groupBy = select.getGroup();
        if (groupBy == null) {
            return;
        }
        SqlCall window = null;
        List<SqlNode> keys = new ArrayList<>();
        for (SqlNode key : groupBy) {
            if (isGroupWindow(key)) {
                if (window != null) {
                    throw new ValidationException("Multiple group windows in one GROUP BY are not supported.");
                }
                window = (SqlCall) key;
            } else {
                keys.add(key);
            }
        }
        if (window == null) {
            return;
        }
        String kind = name(window);
        SqlParserPos pos = window.getParserPosition();
        if (!(window.operand(0) instanceof SqlIdentifier timeColumn)) {
            throw new ValidationException("The time argument of a " + kind + " group window must be a column, but it is "
                    + window.operand(0) + ".");
        }
        if (kind.equals("TUMBLE") && window.operandCount() == 3) {
            throw new UnsupportedFeatureException("a TUMBLE group window with an alignment time");
        }
        List<SqlNode> args = new ArrayList<>();
        args.add(tableArgument(select.getFrom()));
        args.add(descriptor(List.of(simpleName(timeColumn)), pos));
        if (kind.equals("SESSION") && !keys.isEmpty()) {
            List<SqlNode> partition = new ArrayList<>();
            for (SqlNode key : keys) {
                if (!(key instanceof SqlIdentifier id)) {
                    throw new UnsupportedFeatureException("a SESSION group window with the grouping expression " + key
                            + " (group by columns)");
                }
                partition.add(simpleName(id));
            }
            args.add(descriptor(partition, pos));
        }
        for (int i = 1; i < window.operandCount(); i++) {
            args.add(window.operand(i));
        }
        SqlCall tvf = new SqlUnresolvedFunction(new SqlIdentifier(kind, pos), null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION).createCall(null, pos, args.toArray(new SqlNode[0]));
        SqlNode from = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, tvf);
        String alias = alias(select.getFrom());
        if (alias != null) {
            from = SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier(alias, pos));
        }
        select.setFrom(from);

        AuxiliaryReplacer auxiliaries = new AuxiliaryReplacer(kind);
        SqlNodeList selectList = new SqlNodeList(select.getSelectList().getParserPosition());
        for (int i = 0; i < select.getSelectList().size(); i++) {
            SqlNode item = select.getSelectList().get(i);
            SqlNode replaced = item.accept(auxiliaries);
            if (replaced != item && item.getKind() != SqlKind.AS && !(item instanceof SqlIdentifier)) {
                // keep the column name Calcite derives for an expression (EXPR$n), as Flink does
                replaced = SqlStdOperatorTable.AS.createCall(pos, replaced,
                        new SqlIdentifier(SqlValidatorUtil.EXPR_SUGGESTER.apply(null, i, 0), pos));
            }
            selectList.add(replaced);
        }
        select.setSelectList(selectList);
        if (select.getHaving() != null) {
            select.setHaving(select.getHaving().accept(auxiliaries));
        }
        if (select.getOrderList() != null) {
            select.setOrderBy((SqlNodeList) select.getOrderList().accept(auxiliaries));
        }
        SqlNodeList newGroup = new SqlNodeList(groupBy.getParserPosition());
        newGroup.addAll(keys);
        newGroup.add(new SqlIdentifier("window_start", pos));
        newGroup.add(new SqlIdentifier("window_end", pos));
        if (auxiliaries.usesTime) {
            newGroup.add(new SqlIdentifier("window_time", pos));
        }
        select.setGroupBy(newGroup);
    }

    /** The FROM clause as the window function's table argument. */
    private static SqlNode tableArgument(SqlNode from) {
        SqlNode source = from.getKind() == SqlKind.AS ? ((SqlCall) from).operand(0) : from;
        if (source instanceof SqlIdentifier) {
            return SqlStdOperatorTable.EXPLICIT_TABLE.createCall(source.getParserPosition(), source);
        }
        if (source.getKind() == SqlKind.SELECT || source.getKind() == SqlKind.UNION
                || source.getKind() == SqlKind.ORDER_BY || source.getKind() == SqlKind.WITH) {
            return source;
        }
        throw new UnsupportedFeatureException("a legacy group window over a " + source.getKind()
                + " (use a subquery or a view in FROM)");
    }

    /** The name the FROM clause's columns are qualified with, kept for the window function's output. */
    private static String alias(SqlNode from) {
        if (from.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
        }
        if (from instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        return null;
    }

    private static SqlNode descriptor(List<SqlNode> columns, SqlParserPos pos) {
        return new SqlBasicCall(SqlStdOperatorTable.DESCRIPTOR, columns, pos);
    }

    private static SqlIdentifier simpleName(SqlIdentifier id) {
        return new SqlIdentifier(id.names.get(id.names.size() - 1), id.getParserPosition());
    }

    private static boolean isGroupWindow(SqlNode node) {
        if (!(node instanceof SqlCall call) || !WINDOWS.contains(name(call))) {
            return false;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand == null || operand.getKind() == SqlKind.EXPLICIT_TABLE
                    || operand.getKind() == SqlKind.DESCRIPTOR || operand.getKind() == SqlKind.SELECT) {
                return false;
            }
        }
        return true;
    }

    /** The call's function name; Calcite's parser names its group window functions $TUMBLE, $HOP, $SESSION. */
    private static String name(SqlCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        return name.startsWith("$") ? name.substring(1) : name;
    }

    /** Replaces the auxiliary functions of one group window by the window function's columns. */
    private static final class AuxiliaryReplacer extends SqlShuttle {
        private final String kind;
        boolean usesTime;

        AuxiliaryReplacer(String kind) {
            this.kind = kind;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            String name = name(call);
            int underscore = name.indexOf('_');
            if (underscore > 0 && WINDOWS.contains(name.substring(0, underscore))) {
                String family = name.substring(0, underscore);
                String column = switch (name.substring(underscore + 1)) {
                    case "START" -> "window_start";
                    case "END" -> "window_end";
                    case "ROWTIME", "PROCTIME" -> "window_time";
                    default -> null;
                };
                if (column != null) {
                    if (!family.equals(kind)) {
                        throw new ValidationException(name + " does not match the " + kind
                                + " group window of the GROUP BY clause.");
                    }
                    usesTime |= column.equals("window_time");
                    return new SqlIdentifier(column, call.getParserPosition());
                }
            }
            return super.visit(call);
        }
    }
}
