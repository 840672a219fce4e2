package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@code SHOW CREATE TABLE|VIEW} text in Flink's layout. */
final class ShowCreate {
    private ShowCreate() {
    }

    static String render(ObjectIdentifier id, Object object) {
        String name = "`" + id.catalog() + "`.`" + id.database() + "`.`" + id.object() + "`";
        if (object instanceof CatalogView) {
            return "CREATE VIEW " + name + " AS\n" + ((CatalogView) object).query() + "\n";
        }
        CatalogTable t = (CatalogTable) object;
        List<String> lines = new ArrayList<>();
        for (CatalogColumn c : t.columns()) {
            lines.add("  `" + c.name() + "` " + (c.isPhysical() ? c.type().toString() : "AS " + c.expression()));
        }
        if (t.watermarkColumn() != null) {
            lines.add("  WATERMARK FOR `" + t.watermarkColumn() + "` AS " + t.watermarkExpression());
        }
        if (!t.primaryKey().isEmpty()) {
            lines.add("  PRIMARY KEY (`" + String.join("`, `", t.primaryKey()) + "`) NOT ENFORCED");
        }
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(name).append(" (\n")
                .append(String.join(",\n", lines)).append("\n)");
        if (t.comment() != null) {
            sb.append("\nCOMMENT '").append(t.comment().replace("'", "''")).append('\'');
        }
        if (!t.options().isEmpty()) {
            List<String> opts = new ArrayList<>();
            for (Map.Entry<String, String> e : t.options().entrySet()) {
                opts.add("  '" + e.getKey().replace("'", "''") + "' = '" + e.getValue().replace("'", "''") + "'");
            }
            sb.append(" WITH (\n").append(String.join(",\n", opts)).append("\n)");
        }
        return sb.append('\n').toString();
    }
}
