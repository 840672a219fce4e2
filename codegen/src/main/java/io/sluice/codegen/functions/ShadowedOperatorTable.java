package io.sluice.codegen.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * An operator table that hides the operators of another table whose names Sluice defines itself
 * (for example Calcite's ROUND, whose result type differs from Flink's), so only the Sluice operator
 * of that name resolves.
 */
final class ShadowedOperatorTable implements SqlOperatorTable {
    private final SqlOperatorTable delegate;
    private final Set<String> hiddenNames;

    /** {@code hiddenNames} are upper-case operator names to hide from {@code delegate}. */
    ShadowedOperatorTable(SqlOperatorTable delegate, Set<String> hiddenNames) {
        this.delegate = delegate;
        this.hiddenNames = Set.copyOf(hiddenNames);
    }

    private boolean hidden(SqlOperator op) {
        return hiddenNames.contains(op.getName().toUpperCase(Locale.ROOT));
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        List<SqlOperator> found = new ArrayList<>();
        delegate.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
        for (SqlOperator op : found) {
            if (!hidden(op)) {
                operatorList.add(op);
            }
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>();
        for (SqlOperator op : delegate.getOperatorList()) {
            if (!hidden(op)) {
                all.add(op);
            }
        }
        return all;
    }
}
