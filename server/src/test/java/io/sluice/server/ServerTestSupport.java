package io.sluice.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Starts servers in-process on free ports and connects pgjdbc to them. */
public final class ServerTestSupport {
    private ServerTestSupport() {
    }

    public static SluiceServer start() throws Exception {
        return SluiceServer.start(ServerOptions.defaults().withPorts(0, -1));
    }

    public static SluiceServer start(ServerOptions options) throws Exception {
        return SluiceServer.start(options);
    }

    public static String jdbcUrl(SluiceServer server) {
        return "jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/default_catalog";
    }

    public static Connection connect(SluiceServer server) throws SQLException {
        return connect(server, null);
    }

    public static Connection connect(SluiceServer server, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", ServerOptions.USER);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(server), p);
    }
}
