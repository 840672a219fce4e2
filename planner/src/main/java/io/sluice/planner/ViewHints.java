package io.sluice.planner;

import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.table.api.ValidationException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rejects an {@code OPTIONS} hint on a view ({@code SELECT * FROM v /*+ OPTIONS('k' = 'v') *}{@code /}), as Flink
 * does: options enrich a table's connector, and a view has none.
 */
final class ViewHints {
    private ViewHints() {
    }

    static void rejectOptionsOnViews(SqlNode query, CatalogManager catalogs) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.TABLE_REF && call.operand(0) instanceof SqlIdentifier
                        && hasOptionsHint(call.operand(1))) {
                    SqlIdentifier name = call.operand(0);
                    if (name.names.size() <= 3) {
                        ObjectIdentifier id = catalogs.qualify(name.names);
                        if (catalogs.getObject(id).orElse(null) instanceof CatalogView) {
                            throw new ValidationException("View '" + id.asSerializableString() + "' cannot be"
                                    + " enriched with new options. Hints can only be applied to tables.");
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }

    private static boolean hasOptionsHint(SqlNode hints) {
        if (!(hints instanceof SqlNodeList)) {
            return false;
        }
        for (SqlNode h : (SqlNodeList) hints) {
            if (h instanceof SqlHint && ((SqlHint) h).getName().equalsIgnoreCase("OPTIONS")) {
                return true;
            }
        }
        return false;
    }
}
