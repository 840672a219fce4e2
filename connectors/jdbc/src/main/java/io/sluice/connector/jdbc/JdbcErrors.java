package io.sluice.connector.jdbc;

import io.sluice.table.api.TableException;
import java.sql.SQLException;

/** Turns driver errors into messages naming the Sluice table and the database table. */
final class JdbcErrors {
    private JdbcErrors() {
    }

    static TableException wrap(JdbcConnectionOptions connection, String what, SQLException e) {
        return new TableException("jdbc table " + connection.tableIdentifier() + " (" + connection + "): " + what
                + ": " + e.getMessage(), e);
    }
}
