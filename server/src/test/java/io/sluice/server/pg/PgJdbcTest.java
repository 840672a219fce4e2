package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** pgjdbc (the PostgreSQL JDBC driver) against the server: statements, types, parameters, errors, metadata. */
class PgJdbcTest {
    private static SluiceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Connection batchConnection() throws SQLException {
        Connection c = ServerTestSupport.connect(server);
        try (Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'batch'");
        }
        return c;
    }

    @Test
    void queryReturnsTypedRowsInTextAndBinary() throws Exception {
        String sql = "SELECT TRUE AS b, CAST(7 AS SMALLINT) AS s, 42 AS i, CAST(9000000000 AS BIGINT) AS l, "
                + "CAST(1.5 AS DOUBLE) AS d, CAST(12.345 AS DECIMAL(10, 3)) AS amount, 'héllo' AS t, "
                + "DATE '2024-02-29' AS dt, TIMESTAMP '2024-01-31 10:00:00.123' AS ts, "
                + "CAST(NULL AS VARCHAR) AS n, X'0a1b' AS bin";
        try (Connection c = batchConnection()) {
            // the 6th run uses a named server statement and binary transfer for the types pgjdbc reads in binary
            for (int run = 0; run < 7; run++) {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean("b"));
                    assertEquals(7, rs.getShort("s"));
                    assertEquals(42, rs.getInt("i"));
                    assertEquals(9_000_000_000L, rs.getLong("l"));
                    assertEquals(1.5, rs.getDouble("d"));
                    assertEquals(new BigDecimal("12.345"), rs.getBigDecimal("amount"));
                    assertEquals("héllo", rs.getString("t"));
                    assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
                    assertEquals(LocalDateTime.of(2024, 1, 31, 10, 0, 0, 123_000_000),
                            rs.getObject("ts", LocalDateTime.class));
                    assertNull(rs.getString("n"));
                    assertTrue(rs.wasNull());
                    assertEquals(List.of((byte) 10, (byte) 27), List.of(rs.getBytes("bin")[0], rs.getBytes("bin")[1]));
                    assertFalse(rs.next());
                    assertEquals("int4", rs.getMetaData().getColumnTypeName(3));
                    assertEquals("numeric", rs.getMetaData().getColumnTypeName(6));
                }
            }
        }
    }

    @Test
    void parametersAreBoundAsLiterals() throws Exception {
        try (Connection c = batchConnection()) {
            for (int run = 0; run < 7; run++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT CAST(? AS INT) + 1 AS x, ? AS s, CAST(? AS DOUBLE) AS d, ? AS flag, ? AS theday")) {
                    ps.setInt(1, run);
                    ps.setString(2, "it's");
                    ps.setDouble(3, 2.25);
                    ps.setBoolean(4, true);
                    ps.setObject(5, LocalDate.of(2020, 5, 6));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(run + 1, rs.getInt(1));
                        assertEquals("it's", rs.getString(2));
                        assertEquals(2.25, rs.getDouble(3));
                        assertTrue(rs.getBoolean(4));
                        assertEquals(LocalDate.of(2020, 5, 6), rs.getObject(5, LocalDate.class));
                    }
                }
            }
        }
    }

    @Test
    void tablesNamedLikeSystemCatalogsAreOrdinaryTables() throws Exception {
        try (Connection c = batchConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE pg_gen (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',"
                    + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3')");
            try (ResultSet rs = st.executeQuery("SELECT SUM(id) AS total FROM pg_gen")) {
                assertTrue(rs.next());
                assertEquals(6, rs.getLong("total"));
            }
        }
    }

    @Test
    void ddlInsertAndQueryOverSharedCatalogs() throws Exception {
        try (Connection a = batchConnection(); Connection b = batchConnection();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE shared_nums (id INT, name STRING) WITH ('connector' = 'datagen', "
                    + "'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                    + "'fields.id.end' = '5')");
            sa.execute("CREATE TEMPORARY VIEW only_a AS SELECT 1 AS uno");
            // the table is shared, the temporary view is not
            try (ResultSet rs = sb.executeQuery("SELECT COUNT(*) AS n, SUM(id) AS total FROM shared_nums")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getLong("n"));
                assertEquals(15, rs.getLong("total"));
            }
            SQLException e = assertThrows(SQLException.class, () -> sb.executeQuery("SELECT * FROM only_a"));
            assertEquals("42P01", e.getSQLState());
            sa.execute("CREATE TABLE sink_b (id INT) WITH ('connector' = 'blackhole')");
            try (ResultSet rs = sa.executeQuery("INSERT INTO sink_b SELECT id FROM shared_nums")) {
                assertTrue(rs.next());
                assertEquals("job_id", rs.getMetaData().getColumnName(1));
                assertFalse(rs.getString(1).isEmpty());
            }
        }
    }

    @Test
    void setOptionsArePerSession() throws Exception {
        try (Connection a = ServerTestSupport.connect(server); Connection b = ServerTestSupport.connect(server);
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("SET 'execution.runtime-mode' = 'batch'");
            try (ResultSet ra = sa.executeQuery("SELECT 1 AS x"); ResultSet rb = sb.executeQuery("SELECT 1 AS x")) {
                assertEquals(1, ra.getMetaData().getColumnCount());
                // the other session is still streaming: its rows carry the row kind
                assertEquals(2, rb.getMetaData().getColumnCount());
                assertEquals("op", rb.getMetaData().getColumnName(1));
                assertTrue(rb.next());
                assertEquals("+I", rb.getString("op"));
                assertEquals(1, rb.getInt("x"));
            }
        }
    }

    @Test
    void errorsCarrySqlStateAndPosition() throws Exception {
        try (Connection c = batchConnection(); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT nope FROM no_such_table"));
            assertEquals("42P01", e.getSQLState());
            PSQLException syntax = assertThrows(PSQLException.class, () -> s.executeQuery("SELECT 1 FROM\n  WHERE x"));
            assertEquals("42601", syntax.getSQLState());
            // line 2, column 3 of the statement is character 17 of the query string
            assertEquals(17, syntax.getServerErrorMessage().getPosition(), syntax.getServerErrorMessage().toString());
            PSQLException column = assertThrows(PSQLException.class,
                    () -> s.executeQuery("SELECT 1 AS a1, nosuch FROM (VALUES (1)) AS t(a)"));
            assertEquals(17, column.getServerErrorMessage().getPosition(), column.getServerErrorMessage().toString());
            assertTrue(column.getMessage().contains("nosuch"), column.getMessage());
            // the connection still works after errors
            try (ResultSet rs = s.executeQuery("SELECT 2 AS two")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    /**
     * Every common type in binary from the first execution: pgjdbc asks for binary results of all these types
     * (prepareThreshold -1: a named statement at once; binaryTransferEnable lists the type OIDs).
     */
    @Test
    void commonTypesInBinary() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "sluice");
        p.setProperty("prepareThreshold", "-1");
        p.setProperty("binaryTransferEnable", "16,17,20,21,23,700,701,1082,1083,1114,1184,1700");
        try (Connection c = java.sql.DriverManager.getConnection(ServerTestSupport.jdbcUrl(server), p)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET 'execution.runtime-mode' = 'batch'");
            }
            String sql = "SELECT TRUE AS b, CAST(-7 AS SMALLINT) AS s, -42 AS i, CAST(-9000000000 AS BIGINT) AS l,"
                    + " CAST(1.25 AS FLOAT) AS f, CAST(-1.5 AS DOUBLE) AS d,"
                    + " CAST(-12345678901234.5678 AS DECIMAL(20, 4)) AS amount, CAST(0.001 AS DECIMAL(5, 3)) AS small,"
                    + " DATE '1969-12-31' AS dt, TIME '23:59:58.5' AS tm, TIMESTAMP '1999-12-31 23:59:59.999' AS ts,"
                    + " TO_TIMESTAMP_LTZ(86400000, 3) AS ltz, X'00ff10' AS bin, CAST(NULL AS INT) AS n";
            for (int run = 0; run < 2; run++) {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean("b"));
                    assertEquals(-7, rs.getShort("s"));
                    assertEquals(-42, rs.getInt("i"));
                    assertEquals(-9_000_000_000L, rs.getLong("l"));
                    assertEquals(1.25f, rs.getFloat("f"));
                    assertEquals(-1.5, rs.getDouble("d"));
                    assertEquals(new BigDecimal("-12345678901234.5678"), rs.getBigDecimal("amount"));
                    assertEquals(new BigDecimal("0.001"), rs.getBigDecimal("small"));
                    assertEquals(LocalDate.of(1969, 12, 31), rs.getObject("dt", LocalDate.class));
                    assertEquals(java.time.LocalTime.of(23, 59, 58, 500_000_000),
                            rs.getObject("tm", java.time.LocalTime.class));
                    assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_000_000),
                            rs.getObject("ts", LocalDateTime.class));
                    assertEquals(java.time.Instant.ofEpochMilli(86_400_000L),
                            rs.getObject("ltz", java.time.OffsetDateTime.class).toInstant());
                    assertEquals(List.of((byte) 0, (byte) -1, (byte) 16), List.of(rs.getBytes("bin")[0],
                            rs.getBytes("bin")[1], rs.getBytes("bin")[2]));
                    rs.getInt("n");
                    assertTrue(rs.wasNull());
                    assertFalse(rs.next());
                }
            }
        }
    }

    /** A portal with a row limit: pgjdbc fetches a batch query's rows a few at a time (Execute with max rows). */
    @Test
    void portalsWithARowLimitDeliverEveryRowInPieces() throws Exception {
        try (Connection c = batchConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(3);
                try (ResultSet rs = s.executeQuery("SELECT n FROM (VALUES (1), (2), (3), (4), (5), (6), (7)) AS t(n)")) {
                    List<Integer> seen = new ArrayList<>();
                    while (rs.next()) {
                        seen.add(rs.getInt(1));
                    }
                    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seen);
                }
            }
            c.commit();
        }
    }

    @Test
    void transactionsAreAcceptedAsNoOps() throws Exception {
        try (Connection c = batchConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 3 AS three")) {
                assertTrue(rs.next());
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void databaseMetaDataListsTablesAndColumns() throws Exception {
        try (Connection c = batchConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta_t (id BIGINT NOT NULL, price DECIMAL(10, 2), name VARCHAR(20)) "
                    + "WITH ('connector' = 'blackhole')");
            s.execute("CREATE VIEW meta_v AS SELECT id FROM meta_t");
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "meta_%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":"
                            + rs.getString("TABLE_TYPE"));
                }
            }
            assertEquals(List.of("default_database.meta_t:TABLE", "default_database.meta_v:VIEW"), tables);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, null, "meta_t", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                            + rs.getInt("NULLABLE") + " " + rs.getInt("DATA_TYPE") + " " + rs.getInt("COLUMN_SIZE")
                            + " " + rs.getInt("DECIMAL_DIGITS") + " " + rs.getInt("ORDINAL_POSITION") + " "
                            + rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(List.of("id int8 0 " + java.sql.Types.BIGINT + " 19 0 1 default_database.meta_t",
                    "price numeric 1 " + java.sql.Types.NUMERIC + " 10 2 2 default_database.meta_t",
                    "name varchar 1 " + java.sql.Types.VARCHAR + " 20 0 3 default_database.meta_t"), columns);
            List<String> everything = new ArrayList<>(); // DBeaver's table browser asks without a pattern or types
            try (ResultSet rs = md.getTables(null, "default_database", "%", null)) {
                while (rs.next()) {
                    everything.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(everything.containsAll(List.of("meta_t", "meta_v")), everything.toString());
            List<String> viewColumns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "default_database", "meta_v", "%")) {
                while (rs.next()) {
                    viewColumns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
                }
            }
            assertEquals(List.of("id int8"), viewColumns);
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(List.of("default_database"), schemas);
        }
    }

    @Test
    void serverFunctionsAnswer() throws Exception {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select version()")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PostgreSQL 15.0 (Sluice"));
            }
            try (ResultSet rs = s.executeQuery("SHOW transaction isolation level")) {
                assertTrue(rs.next());
                assertEquals("read committed", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("select current_schema()")) {
                assertTrue(rs.next());
                assertEquals("default_database", rs.getString(1));
            }
            assertEquals("default_catalog", c.getCatalog());
        }
    }
}
