package io.sluice.server.flight;

import io.sluice.runtime.types.LogicalType;
import io.sluice.server.ServerSession;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;

/**
 * Flight SQL's catalog metadata over Sluice's catalogs: a Flight SQL catalog is a Sluice catalog, a db schema a Sluice
 * database, and tables are tables ({@code TABLE}) and views ({@code VIEW}), with their columns as an Arrow schema in
 * the engine's Arrow types. Filter patterns are SQL LIKE patterns ({@code %}, {@code _}, escaped with {@code \}).
 */
final class FlightCatalogs {
    static final List<String> TABLE_TYPES = List.of("TABLE", "VIEW");
    private static final LogicalType TEXT = LogicalType.string();
    static final List<LogicalType> CATALOG_TYPES = List.of(TEXT);
    static final List<LogicalType> SCHEMA_TYPES = List.of(TEXT, TEXT);
    static final List<LogicalType> TABLE_TYPES_TYPES = List.of(TEXT);
    static final List<LogicalType> TABLE_WITH_SCHEMA_TYPES = List.of(TEXT, TEXT, TEXT, TEXT, LogicalType.bytes());
    static final List<LogicalType> TABLE_NO_SCHEMA_TYPES = List.of(TEXT, TEXT, TEXT, TEXT);
    static final List<LogicalType> PRIMARY_KEY_TYPES = List.of(TEXT, TEXT, TEXT, TEXT, LogicalType.integer(), TEXT);

    private FlightCatalogs() {
    }

    static List<Row> catalogs(ServerSession session) {
        List<Row> rows = new ArrayList<>();
        for (String c : sorted(column(session, "SHOW CATALOGS"))) {
            rows.add(Row.of(c));
        }
        return rows;
    }

    static List<Row> schemas(ServerSession session, CommandGetDbSchemas request) {
        Pattern schemaPattern = request.hasDbSchemaFilterPattern() ? like(request.getDbSchemaFilterPattern()) : null;
        List<Row> rows = new ArrayList<>();
        for (String catalog : catalogs(session, request.hasCatalog() ? request.getCatalog() : null)) {
            for (String db : sorted(column(session, "SHOW DATABASES FROM " + quote(catalog)))) {
                if (schemaPattern == null || schemaPattern.matcher(db).matches()) {
                    rows.add(Row.of(catalog, db));
                }
            }
        }
        return rows;
    }

    static List<Row> tables(ServerSession session, CommandGetTables request) {
        Pattern schemaPattern = request.hasDbSchemaFilterPattern() ? like(request.getDbSchemaFilterPattern()) : null;
        Pattern tablePattern = request.hasTableNameFilterPattern() ? like(request.getTableNameFilterPattern()) : null;
        Set<String> types = new HashSet<>(request.getTableTypesList());
        List<Row> rows = new ArrayList<>();
        for (String catalog : catalogs(session, request.hasCatalog() ? request.getCatalog() : null)) {
            for (String db : sorted(column(session, "SHOW DATABASES FROM " + quote(catalog)))) {
                if (schemaPattern != null && !schemaPattern.matcher(db).matches()) {
                    continue;
                }
                String path = quote(catalog) + "." + quote(db);
                Set<String> views = new HashSet<>(column(session, "SHOW VIEWS FROM " + path));
                for (String table : sorted(column(session, "SHOW TABLES FROM " + path))) {
                    String type = views.contains(table) ? "VIEW" : "TABLE";
                    if ((tablePattern != null && !tablePattern.matcher(table).matches())
                            || (!types.isEmpty() && !types.contains(type))) {
                        continue;
                    }
                    if (request.getIncludeSchema()) {
                        byte[] schema = FlightSchemas.of(session.tableSchema(path + "." + quote(table)), false)
                                .serializeAsMessage();
                        rows.add(Row.of(catalog, db, table, type, schema));
                    } else {
                        rows.add(Row.of(catalog, db, table, type));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The primary key ({@code PRIMARY KEY ... NOT ENFORCED}) of a table, one row per key column in key order, as
     * {@code DESCRIBE} shows it; the current catalog and database when the request names none.
     */
    static List<Row> primaryKeys(ServerSession session, org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys
            request) {
        String catalog = request.hasCatalog() ? request.getCatalog()
                : column(session, "SHOW CURRENT CATALOG").get(0);
        String db = request.hasDbSchema() ? request.getDbSchema() : column(session, "SHOW CURRENT DATABASE").get(0);
        String path = quote(catalog) + "." + quote(db) + "." + quote(request.getTable());
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = session.execute("DESCRIBE " + path).collect()) {
            while (it.hasNext()) {
                Object key = it.next().getField(3);
                String text = key == null ? "" : key.toString();
                if (text.startsWith("PRI(") && text.endsWith(")") && rows.isEmpty()) {
                    String[] columns = text.substring(4, text.length() - 1).split(",\\s*");
                    for (int i = 0; i < columns.length; i++) {
                        rows.add(Row.of(catalog, db, request.getTable(), columns[i], i + 1, null));
                    }
                }
            }
        }
        return rows;
    }

    static List<Row> tableTypes() {
        List<Row> rows = new ArrayList<>();
        TABLE_TYPES.forEach(t -> rows.add(Row.of(t)));
        return rows;
    }

    /** The catalog asked for (if it exists), or every catalog. */
    private static List<String> catalogs(ServerSession session, String catalog) {
        List<String> all = sorted(column(session, "SHOW CATALOGS"));
        if (catalog == null) {
            return all;
        }
        return all.contains(catalog) ? List.of(catalog) : List.of();
    }

    /** A SQL LIKE pattern as a regular expression. */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static List<String> column(ServerSession session, String statement) {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> it = session.execute(statement).collect()) {
            while (it.hasNext()) {
                values.add(String.valueOf(it.next().getField(0)));
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
