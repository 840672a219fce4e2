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

    /** {@code SHOW CREATE CATALOG}: the catalog's DDL with its comment and options in key order. */
    static String renderCatalog(String name, io.sluice.planner.catalog.CatalogDescriptor d) {
        StringBuilder sb = new StringBuilder("CREATE CATALOG ").append(quote(name)).append('\n');
        if (d.comment() != null) {
            sb.append("COMMENT ").append(literal(d.comment())).append('\n');
        }
        sb.append("WITH (\n");
        List<String> options = new ArrayList<>();
        d.options().forEach((k, v) -> options.add("  " + literal(k) + " = " + literal(v)));
        sb.append(String.join(",\n", options)).append("\n)\n");
        return sb.toString();
    }

    static String render(ObjectIdentifier id, Object object, boolean temporary) {
        String name = quote(id.catalog()) + "." + quote(id.database()) + "." + quote(id.object());
        String create = temporary ? "CREATE TEMPORARY " : "CREATE ";
        if (object instanceof CatalogView) {
            CatalogView v = (CatalogView) object;
            StringBuilder sb = new StringBuilder(create).append("VIEW ").append(name).append(" (\n");
            List<String> columns = new ArrayList<>();
            List<String> names = v.rowType() != null ? v.rowType().names() : v.columnNames();
            names.forEach(c -> columns.add("  " + quote(c)));
            sb.append(String.join(",\n", columns)).append("\n)\n");
            if (v.comment() != null) {
                sb.append("COMMENT ").append(literal(v.comment())).append('\n');
            }
            return sb.append("AS ").append(v.expandedQuery()).append('\n').toString();
        }
        CatalogTable t = (CatalogTable) object;
        List<String> lines = new ArrayList<>();
        for (CatalogColumn c : t.columns()) {
            StringBuilder line = new StringBuilder("  ").append(quote(c.name())).append(' ');
            if (c.isComputed()) {
                line.append("AS ").append(io.sluice.planner.ExpressionText.canonical(c.expression()));
            } else {
                line.append(ddlType(c.type().toString()));
                if (c.isMetadata()) {
                    line.append(' ').append(c.extras());
                }
            }
            if (c.comment() != null) {
                line.append(" COMMENT ").append(literal(c.comment()));
            }
            lines.add(line.toString());
        }
        if (t.watermarkColumn() != null) {
            lines.add("  WATERMARK FOR " + quote(t.watermarkColumn()) + " AS "
                    + io.sluice.planner.ExpressionText.canonical(t.watermarkExpression()));
        }
        if (!t.primaryKey().isEmpty()) {
            lines.add("  CONSTRAINT " + quote(t.primaryKeyName()) + " PRIMARY KEY (" + quoteAll(t.primaryKey())
                    + ") NOT ENFORCED");
        }
        StringBuilder sb = new StringBuilder(create).append("TABLE ").append(name).append(" (\n")
                .append(String.join(",\n", lines)).append("\n)\n");
        if (t.comment() != null) {
            sb.append("COMMENT ").append(literal(t.comment())).append('\n');
        }
        if (!t.partitionKeys().isEmpty()) {
            sb.append("PARTITIONED BY (").append(quoteAll(t.partitionKeys())).append(")\n");
        }
        if (!t.options().isEmpty()) {
            List<String> opts = new ArrayList<>();
            for (Map.Entry<String, String> e : t.options().entrySet()) {
                opts.add("  " + literal(e.getKey()) + " = " + literal(e.getValue()));
            }
            sb.append("WITH (\n").append(String.join(",\n", opts)).append("\n)\n");
        }
        return sb.toString();
    }

    /** A type as Flink's DDL prints it: {@code STRING} and {@code BYTES} in their full forms. */
    static String ddlType(String type) {
        return type.replaceAll("\\bSTRING\\b", "VARCHAR(2147483647)")
                .replaceAll("\\bBYTES\\b", "VARBINARY(2147483647)");
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String quoteAll(List<String> identifiers) {
        List<String> quoted = new ArrayList<>();
        identifiers.forEach(i -> quoted.add(quote(i)));
        return String.join(", ", quoted);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
