package io.sluice.connector.jdbc;

import io.sluice.connector.jdbc.dialect.JdbcDialect;
import io.sluice.table.api.ValidationException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Where and how to connect: URL, table, credentials, driver and dialect of a jdbc table. */
public final class JdbcConnectionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tableIdentifier;
    private final String url;
    private final String tableName;
    private final String username;
    private final String password;
    private final String driverName;
    private final transient JdbcDialect dialect;
    private final int timeoutSeconds;

    JdbcConnectionOptions(String tableIdentifier, String url, String tableName, String username, String password,
            String driverName, JdbcDialect dialect, int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.tableIdentifier = tableIdentifier;
        this.url = url;
        this.tableName = tableName;
        this.username = username;
        this.password = password;
        this.driverName = driverName == null ? dialect.defaultDriverName() : driverName;
        this.dialect = dialect;
    }

    /** The Sluice table, for messages. */
    public String tableIdentifier() {
        return tableIdentifier;
    }

    public String url() {
        return url;
    }

    /** The table's name in the database. */
    public String tableName() {
        return tableName;
    }

    public JdbcDialect dialect() {
        return dialect;
    }

    /** Seconds a connection attempt or a connection check ({@code isValid}) may take. */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** A new connection through the configured driver; the attempt gives up after {@link #timeoutSeconds()}. */
    public Connection connect() throws SQLException {
        Driver driver;
        try {
            Class<?> c = Class.forName(driverName, true, JdbcConnectionOptions.class.getClassLoader());
            driver = (Driver) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ValidationException("Cannot load JDBC driver '" + driverName + "' of table " + tableIdentifier
                    + ": " + e);
        }
        Properties props = new Properties();
        dialect.setConnectTimeout(props, timeoutSeconds);
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c = driver.connect(url, props);
        if (c == null) {
            throw new SQLException("JDBC driver " + driverName + " does not accept URL " + url);
        }
        return c;
    }

    /** URL and table for messages and EXPLAIN; URL parameters (which may hold credentials) are left out. */
    @Override
    public String toString() {
        int params = url.indexOf('?');
        return "url=" + (params < 0 ? url : url.substring(0, params) + "?...") + ", table-name=" + tableName;
    }
}
