package io.sluice.planner;

import io.sluice.codegen.functions.BuiltInFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The text of a computed-column or watermark expression as Flink prints it in {@code DESCRIBE} and
 * {@code SHOW CREATE TABLE}: parsed and written back with every identifier in backticks, built-in functions by
 * their names, and literals in their canonical form ({@code INTERVAL '1' SECONDS} becomes
 * {@code INTERVAL '1' SECOND}).
 */
public final class ExpressionText {
    private static final SqlDialect FLINK = new SqlDialect(SqlDialect.EMPTY_CONTEXT
            .withIdentifierQuoteString("`").withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED));

    private ExpressionText() {
    }

    /** The expression's canonical text; the text as given when it does not parse. */
    public static String canonical(String expression) {
        SqlNode node;
        try {
            node = SqlParser.create(TimestampLtzSyntax.rewrite(expression).sql(), SluicePlanner.parserConfig())
                    .parseExpression();
        } catch (SqlParseException | RuntimeException e) {
            return expression;
        }
        SqlNode resolved = node.accept(new BuiltInResolver());
        return resolved.toSqlString(c -> c.withDialect(FLINK).withQuoteAllIdentifiers(true)
                .withAlwaysUseParentheses(false).withClauseStartsLine(false)).getSql();
    }

    /** Replaces calls of functions the parser left unresolved by the built-in operator of that name, if any. */
    private static final class BuiltInResolver extends SqlShuttle {
        @Override
        public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (!(visited instanceof SqlCall c) || !(c.getOperator() instanceof SqlUnresolvedFunction f)) {
                return visited;
            }
            List<SqlOperator> found = new ArrayList<>();
            BuiltInFunctions.operatorTable().lookupOperatorOverloads(f.getNameAsId(), f.getFunctionType(),
                    SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
            if (found.isEmpty()) {
                return c;
            }
            return found.get(0).createCall(c.getFunctionQuantifier(), c.getParserPosition(),
                    c.getOperandList().toArray(new SqlNode[0]));
        }
    }
}
