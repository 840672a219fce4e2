package io.sluice.planner.functions;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces Flink's {@code CURRENT_DATABASE()} and the SQL standard's {@code CURRENT_CATALOG} with the session's
 * current database and catalog names (as {@code STRING NOT NULL} constants) before validation, as they stand when
 * the statement is planned.
 */
public final class CatalogContextRewriter extends SqlShuttle {
    private final String catalog;
    private final String database;

    private CatalogContextRewriter(String catalog, String database) {
        this.catalog = catalog;
        this.database = database;
    }

    /** The query with every CURRENT_DATABASE() and CURRENT_CATALOG call replaced by its value. */
    public static SqlNode rewrite(SqlNode query, String catalog, String database) {
        SqlNode result = query.accept(new CatalogContextRewriter(catalog, database));
        return result == null ? query : result;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (call.operandCount() == 0 && name.equals("CURRENT_DATABASE")) {
            return constant(database, call.getParserPosition());
        }
        if (call.operandCount() == 0 && name.equals("CURRENT_CATALOG")) {
            return constant(catalog, call.getParserPosition());
        }
        SqlNode visited = super.visit(call);
        return visited == null ? call : visited;
    }

    /** An unquoted CURRENT_CATALOG, which the parser may keep as an identifier until validation. */
    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.isSimple() && !id.isComponentQuoted(0) && id.getSimple().equalsIgnoreCase("CURRENT_CATALOG")) {
            return constant(catalog, id.getParserPosition());
        }
        return id;
    }

    private static SqlNode constant(String value, SqlParserPos pos) {
        SqlDataTypeSpec string = new SqlDataTypeSpec(
                new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, pos), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(value, pos), string);
    }
}
