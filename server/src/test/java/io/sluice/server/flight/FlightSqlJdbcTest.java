package io.sluice.server.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arrow's Flight SQL JDBC driver against the server's Flight SQL endpoint (no password). */
class FlightSqlJdbcTest {
    private static SluiceServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, -1, 0));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE VIEW typed AS SELECT * FROM (VALUES"
                    + " (1, CAST(10000000000 AS BIGINT), CAST(1.5 AS DOUBLE), CAST(12.34 AS DECIMAL(10, 2)), 'abc',"
                    + " TRUE, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.678'),"
                    + " (CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10, 2)),"
                    + " CAST(NULL AS STRING), CAST(NULL AS BOOLEAN), CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP(3))))"
                    + " AS t(i, b, d, amount, s, flag, dt, ts)");
            s.executeUpdate("CREATE TABLE names (id INT, name STRING) WITH ('connector' = 'blackhole')");
            s.executeUpdate("CREATE TABLE keyed (region STRING, id BIGINT, v INT, PRIMARY KEY (id, region) NOT ENFORCED)"
                    + " WITH ('connector' = 'blackhole')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String url(SluiceServer s) {
        return "jdbc:arrow-flight-sql://127.0.0.1:" + s.flightPort() + "?useEncryption=false";
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(server));
    }

    @Test
    void batchQueryWithTypesAndNulls() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'batch'");
            try (ResultSet rs = s.executeQuery("SELECT * FROM typed ORDER BY i NULLS LAST")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(8, md.getColumnCount());
                assertEquals("i", md.getColumnName(1));
                int[] types = {Types.INTEGER, Types.BIGINT, Types.DOUBLE, Types.DECIMAL, Types.VARCHAR, Types.BOOLEAN,
                    Types.DATE, Types.TIMESTAMP};
                for (int i = 0; i < types.length; i++) {
                    assertEquals(types[i], md.getColumnType(i + 1), "column " + md.getColumnName(i + 1));
                }
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(10_000_000_000L, rs.getLong(2));
                assertEquals(1.5, rs.getDouble(3));
                assertEquals(new BigDecimal("12.34"), rs.getBigDecimal(4));
                assertEquals("abc", rs.getString(5));
                assertTrue(rs.getBoolean(6));
                assertEquals(LocalDate.of(2024, 1, 2), rs.getDate(7).toLocalDate());
                assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), rs.getTimestamp(8).toLocalDateTime());
                assertTrue(rs.next());
                for (int i = 1; i <= 8; i++) {
                    assertNull(rs.getObject(i), "column " + i);
                    assertTrue(rs.wasNull());
                }
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void eachConnectionHasItsOwnSessionAndStreamingQueriesCarryTheRowKind() throws Exception {
        try (Connection batch = connect(); Connection streaming = connect();
                Statement b = batch.createStatement(); Statement st = streaming.createStatement()) {
            b.execute("SET 'execution.runtime-mode' = 'batch'");
            try (ResultSet rs = b.executeQuery("SELECT i FROM typed WHERE i = 1")) {
                assertEquals(1, rs.getMetaData().getColumnCount());
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            // the other connection is still in streaming mode (the default): rows start with their kind
            try (ResultSet rs = st.executeQuery("SELECT i FROM typed WHERE i = 1")) {
                assertEquals("op", rs.getMetaData().getColumnName(1));
                assertTrue(rs.next());
                assertEquals("+I", rs.getString(1));
                assertEquals(1, rs.getInt(2));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void insertReturnsOnceTheJobIsSubmitted() throws Exception {
        String insert = "INSERT INTO names SELECT i, s FROM typed";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate(insert));
        }
        List<String> started = new ArrayList<>();
        server.sessions().jobs().entries().forEach(e -> started.add(e.name()));
        assertEquals(1, started.stream().filter(insert::equals).count(), started.toString());
    }

    @Test
    void preparedStatementWithoutParameters() throws Exception {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET 'execution.runtime-mode' = 'batch'");
            }
            PreparedStatement ps = c.prepareStatement("SELECT s, i + 1 AS j FROM typed WHERE i IS NOT NULL");
            for (int run = 0; run < 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("abc", rs.getString("s"));
                    assertEquals(2, rs.getInt("j"));
                    assertFalse(rs.next());
                }
            }
            ps.close();
        }
    }

    /**
     * Parameters of prepared queries: their types come from where they stand (announced in the parameter metadata),
     * the driver's setXxx values are bound as literals of those types, and a value never changes the statement.
     */
    @Test
    void preparedStatementWithParameters() throws Exception {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET 'execution.runtime-mode' = 'batch'");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s, i + 1 AS j, amount FROM typed WHERE i = ? AND s = ? AND amount > ? AND dt = ?")) {
                java.sql.ParameterMetaData meta = ps.getParameterMetaData();
                assertEquals(4, meta.getParameterCount());
                assertEquals(java.sql.Types.INTEGER, meta.getParameterType(1));
                assertEquals(java.sql.Types.VARCHAR, meta.getParameterType(2));
                assertEquals(java.sql.Types.DECIMAL, meta.getParameterType(3));
                assertEquals(java.sql.Types.DATE, meta.getParameterType(4));
                ps.setInt(1, 1);
                ps.setString(2, "abc");
                ps.setBigDecimal(3, new java.math.BigDecimal("12.00"));
                ps.setDate(4, java.sql.Date.valueOf("2024-01-02"));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("abc", rs.getString("s"));
                    assertEquals(2, rs.getInt("j"));
                    assertEquals(new java.math.BigDecimal("12.34"), rs.getBigDecimal("amount"));
                    assertFalse(rs.next());
                }
                ps.setString(2, "x' OR 'a' = 'a"); // stays a value
                try (ResultSet rs = ps.executeQuery()) {
                    assertFalse(rs.next());
                }
                ps.setString(2, "abc");
                ps.setBigDecimal(3, new java.math.BigDecimal("20.00")); // the driver wants the parameter's scale
                try (ResultSet rs = ps.executeQuery()) {
                    assertFalse(rs.next());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS BIGINT) * 2 AS twice, "
                    + "CAST(? AS STRING) AS label, CAST(? AS DOUBLE) AS d, CAST(? AS BOOLEAN) AS flag")) {
                ps.setLong(1, 21);
                ps.setNull(2, java.sql.Types.VARCHAR);
                ps.setDouble(3, 2.5);
                ps.setBoolean(4, true);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42L, rs.getLong("twice"));
                    assertNull(rs.getString("label"));
                    assertEquals(2.5, rs.getDouble("d"));
                    assertTrue(rs.getBoolean("flag"));
                }
            }
        }
    }

    @Test
    void primaryAndForeignKeys() throws Exception {
        try (Connection c = connect()) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys("default_catalog", "default_database", "keyed")) {
                while (rs.next()) {
                    keys.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("KEY_SEQ"));
                }
            }
            assertEquals(List.of("id:1", "region:2"), keys);
            try (ResultSet rs = meta.getPrimaryKeys("default_catalog", "default_database", "names")) {
                assertFalse(rs.next(), "no primary key");
            }
            try (ResultSet rs = meta.getImportedKeys("default_catalog", "default_database", "keyed")) {
                assertFalse(rs.next(), "Sluice tables have no foreign keys");
            }
            try (ResultSet rs = meta.getExportedKeys("default_catalog", "default_database", "keyed")) {
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void errorsCarryTheEnginesMessageAndPosition() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT nosuchcol FROM typed"));
            String message = messages(e);
            assertTrue(message.contains("nosuchcol"), message);
            assertTrue(message.contains("line 1, column 8"), message);
            SQLException unknown = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM nowhere"));
            assertTrue(messages(unknown).contains("nowhere"), messages(unknown));
        }
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    @Test
    void metadataListsCatalogsSchemasTablesAndColumns() throws Exception {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("Sluice", md.getDatabaseProductName());
            assertTrue(column(md.getCatalogs(), "TABLE_CAT").contains("default_catalog"));
            assertTrue(column(md.getSchemas(), "TABLE_SCHEM").contains("default_database"));
            assertEquals(List.of("TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
            Map<String, String> tables = new TreeMap<>();
            try (ResultSet rs = md.getTables("default_catalog", "default_database", "%", null)) {
                while (rs.next()) {
                    tables.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
                }
            }
            assertEquals("TABLE", tables.get("names"));
            assertEquals("VIEW", tables.get("typed"));
            try (ResultSet rs = md.getTables(null, null, "nam%", new String[] {"TABLE"})) {
                assertTrue(rs.next());
                assertEquals("names", rs.getString("TABLE_NAME"));
                assertFalse(rs.next());
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns("default_catalog", "default_database", "names", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
                }
            }
            assertEquals(List.of("id:" + Types.INTEGER, "name:" + Types.VARCHAR), columns);
            List<String> typed = column(md.getColumns(null, null, "typed", "d%"), "COLUMN_NAME");
            assertEquals(List.of("d", "dt"), typed);
        }
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(name));
            }
        }
        return values;
    }
}
