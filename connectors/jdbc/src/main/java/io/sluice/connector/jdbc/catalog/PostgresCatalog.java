package io.sluice.connector.jdbc.catalog;

import io.sluice.runtime.connector.ExternalCatalog;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The databases of a PostgreSQL server as a catalog, as Flink's: the catalog's databases are the server's
 * (templates excluded); a database's tables are named {@code schema.table} for every user schema, and a name
 * without a schema means schema {@code public}. Columns and primary keys come from the database's metadata;
 * each table reads and writes through the jdbc connector. Every call asks the server (nothing is cached).
 */
final class PostgresCatalog implements ExternalCatalog {
    private final String name;
    private final String baseUrl;
    private final String defaultDatabase;
    private final String username;
    private final String password;

    PostgresCatalog(String name, String baseUrl, String defaultDatabase, String username, String password) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.defaultDatabase = defaultDatabase;
        this.username = username;
        this.password = password;
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return new org.postgresql.Driver().connect(baseUrl + database, props);
    }

    private TableException failure(String what, SQLException e) {
        return new TableException("jdbc catalog " + name + " (" + baseUrl + "): " + what + ": " + e.getMessage(), e);
    }

    @Override
    public String defaultDatabase() {
        return defaultDatabase;
    }

    @Override
    public List<String> listDatabases() {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(defaultDatabase);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("listing databases", e);
        }
        return out;
    }

    @Override
    public List<String> listTables(String database) {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(database);
                PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name FROM"
                        + " information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                        + " AND table_type IN ('BASE TABLE', 'VIEW') ORDER BY 1, 2");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure("listing the tables of database " + database, e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public Optional<ExternalTable> getTable(String database, String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? "public" : table.substring(0, dot);
        String relation = dot < 0 ? table : table.substring(dot + 1);
        try (Connection c = connect(database)) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, schema, relation, new String[] {"TABLE", "VIEW", "PARTITIONED TABLE"})) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
            List<String> names = new ArrayList<>();
            List<LogicalType> types = new ArrayList<>();
            String qualified = quote(schema) + "." + quote(relation);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified + " WHERE false");
                    ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnName(i));
                    LogicalType t = PostgresTypes.toLogicalType(md.getColumnTypeName(i), md.getPrecision(i),
                            md.getScale(i), schema + "." + relation + "." + md.getColumnName(i));
                    types.add(md.isNullable(i) == ResultSetMetaData.columnNoNulls ? t.notNull() : t);
                }
            }
            TreeMap<Short, String> key = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, relation)) {
                while (rs.next()) {
                    key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            Map<String, String> options = new LinkedHashMap<>();
            options.put("connector", "jdbc");
            options.put("url", baseUrl + database);
            options.put("table-name", schema + "." + relation);
            if (username != null) {
                options.put("username", username);
            }
            if (password != null) {
                options.put("password", password);
            }
            return Optional.of(new ExternalTable(new RowType(names, types), new ArrayList<>(key.values()), options));
        } catch (SQLException e) {
            throw failure("reading table " + table + " of database " + database, e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL type names (as the driver reports them) to Sluice types. */
    static final class PostgresTypes {
        private PostgresTypes() {
        }

        static LogicalType toLogicalType(String typeName, int precision, int scale, String column) {
            switch (typeName) {
                case "bool":
                    return LogicalType.booleanType();
                case "int2":
                    return LogicalType.smallint();
                case "int4":
                case "serial":
                    return LogicalType.integer();
                case "int8":
                case "bigserial":
                    return LogicalType.bigint();
                case "float4":
                    return LogicalType.floatType();
                case "float8":
                    return LogicalType.doubleType();
                case "numeric":
                    // numeric without a declared precision: Flink's DECIMAL(38, 18)
                    return precision > 0 && precision <= LogicalType.MAX_DECIMAL_PRECISION
                            ? LogicalType.decimal(precision, Math.max(0, scale)) : LogicalType.decimal(38, 18);
                case "bpchar":
                    return LogicalType.of(io.sluice.runtime.types.TypeRoot.CHAR, Math.max(1, precision));
                case "varchar":
                    return precision > 0 && precision < Integer.MAX_VALUE ? LogicalType.varchar(precision)
                            : LogicalType.string();
                case "text":
                    return LogicalType.string();
                case "bytea":
                    return LogicalType.bytes();
                case "date":
                    return LogicalType.date();
                case "time":
                    return LogicalType.of(io.sluice.runtime.types.TypeRoot.TIME, Math.min(3, Math.max(0, scale)));
                case "timestamp":
                    return LogicalType.timestamp(Math.max(0, Math.min(6, scale)));
                case "timestamptz":
                    return LogicalType.timestampLtz(Math.max(0, Math.min(6, scale)));
                default:
                    throw new UnsupportedFeatureException("column " + column + " of PostgreSQL type " + typeName
                            + " in a jdbc catalog");
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresCatalog(" + baseUrl + ")";
    }
}
