package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The catalog reads of DBeaver's PostgreSQL browser, sent over pgjdbc as prepared statements the way it sends them:
 * databases (pg_database), schemas (pg_namespace), relations of a schema (pg_class) and their columns
 * (pg_attribute), answered from Sluice's catalogs.
 */
class PgDbeaverTest {
    private static final String DATABASES = "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1"
            + " AND datallowconn AND NOT datistemplate OR db.datname =?\nORDER BY db.datname";
    private static final String SCHEMAS = "SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n\n"
            + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0"
            + " AND d.classoid='pg_namespace'::regclass\n ORDER BY nspname";
    private static final String RELATIONS = "SELECT c.oid,c.*,d.description,"
            + "pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr,"
            + "  pg_catalog.pg_get_partkeydef(c.oid) as partition_key \nFROM pg_catalog.pg_class c\n"
            + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0"
            + " AND d.classoid='pg_class'::regclass\nWHERE c.relnamespace=? AND c.relkind not in ('i','I','c')";
    private static final String TYPES = "SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0),"
            + " t.typtypmod) as base_type_name, d.description\nFROM pg_catalog.pg_type t"
            + "\nLEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem "
            + "\nLEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid"
            + "\nLEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid"
            + "\nWHERE t.typname IS NOT NULL"
            + "\nAND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')";
    private static final String COLUMNS = "SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true)"
            + " as def_value,dsc.description,dep.objid\nFROM pg_catalog.pg_attribute a"
            + "\nINNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid)"
            + "\nLEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND a.attnum = ad.adnum)"
            + "\nLEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)"
            + "\nLEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' "
            + "and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid"
            + "\nWHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid=?\nORDER BY a.attnum";

    private static SluiceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void browsesDatabasesSchemasTablesAndColumns() throws Exception {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS dbv_other");
            s.execute("CREATE TABLE dbv_t (id BIGINT NOT NULL, price DECIMAL(10, 2), name VARCHAR(20), note STRING)"
                    + " WITH ('connector' = 'blackhole')");
            s.execute("CREATE VIEW dbv_v AS SELECT id FROM dbv_t");
            try (ResultSet rs = s.executeQuery("SELECT current_schema(),session_user")) {
                assertTrue(rs.next());
                assertEquals("default_database sluice", rs.getString(1) + " " + rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SHOW search_path")) {
                assertTrue(rs.next());
                assertEquals("default_database", rs.getString(1));
            }
            List<String> dbs = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(DATABASES)) {
                p.setString(1, "default_catalog");
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        dbs.add(rs.getString("datname") + " " + rs.getBoolean("datallowconn") + " "
                                + rs.getBoolean("datistemplate") + " " + (rs.getLong("oid") > 0));
                    }
                }
            }
            assertEquals(List.of("default_catalog true false true"), dbs);
            long schemaOid = -1;
            List<String> schemas = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(SCHEMAS); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    schemas.add(rs.getString("nspname"));
                    if (rs.getString("nspname").equals("default_database")) {
                        schemaOid = rs.getLong("oid");
                    }
                }
            }
            assertEquals(List.of("dbv_other", "default_database", "pg_catalog"), schemas);
            List<String> types = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(TYPES); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    assertEquals(11, rs.getLong("typnamespace"));
                    types.add(rs.getLong("oid") + ":" + rs.getString("typname") + ":" + rs.getString("typcategory"));
                }
            }
            assertTrue(types.containsAll(List.of("20:int8:N", "1043:varchar:S", "1700:numeric:N", "25:text:S",
                    "1184:timestamptz:D")), types.toString());
            List<String> relations = new ArrayList<>();
            long tableOid = -1;
            try (PreparedStatement p = c.prepareStatement(RELATIONS)) {
                p.setLong(1, schemaOid);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(schemaOid, rs.getLong("relnamespace"));
                        relations.add(rs.getString("relname") + ":" + rs.getString("relkind") + ":"
                                + rs.getInt("relnatts"));
                        if (rs.getString("relname").equals("dbv_t")) {
                            tableOid = rs.getLong("oid");
                        }
                    }
                }
            }
            assertEquals(List.of("dbv_t:r:4", "dbv_v:v:1"), relations);
            List<String> columns = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(COLUMNS)) {
                p.setLong(1, tableOid);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(tableOid, rs.getLong("attrelid"));
                        columns.add(rs.getString("relname") + "." + rs.getString("attname") + " "
                                + rs.getInt("atttypid") + " " + rs.getInt("atttypmod") + " " + rs.getShort("attnum")
                                + " " + rs.getBoolean("attnotnull"));
                    }
                }
            }
            assertEquals(List.of("dbv_t.id 20 -1 1 true", "dbv_t.price 1700 655366 2 false",
                    "dbv_t.name 1043 24 3 false", "dbv_t.note 25 -1 4 false"), columns);
            try (PreparedStatement p = c.prepareStatement(RELATIONS + " AND relname=?")) {
                p.setLong(1, schemaOid);
                p.setString(2, "dbv_v");
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("dbv_v v", rs.getString("relname") + " " + rs.getString("relkind"));
                    assertTrue(!rs.next());
                }
            }
            List<String> schemaColumns = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(COLUMNS.replace("c.oid=?", "c.relnamespace=?"))) {
                p.setLong(1, schemaOid);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        schemaColumns.add(rs.getString("relname") + "." + rs.getString("attname"));
                    }
                }
            }
            assertEquals(List.of("dbv_t.id", "dbv_t.price", "dbv_t.name", "dbv_t.note", "dbv_v.id"), schemaColumns);
            try (ResultSet rs = s.executeQuery("SELECT reltype FROM pg_catalog.pg_class WHERE 1<>1 LIMIT 1")) {
                assertEquals("reltype", rs.getMetaData().getColumnName(1));
                assertTrue(!rs.next());
            }
            try (PreparedStatement p = c.prepareStatement(RELATIONS)) {
                p.setLong(1, tableOid); // not a schema: no relations
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(!rs.next());
                }
            }
        }
    }

    @Test
    void otherCatalogQueriesAreNotSupportedYet() throws SQLException {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            PSQLException e = org.junit.jupiter.api.Assertions.assertThrows(PSQLException.class,
                    () -> s.executeQuery("SELECT t.oid,t.* FROM pg_catalog.pg_type t"));
            assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(PSQLException.class,
                    () -> s.executeQuery("SELECT relfoo FROM pg_catalog.pg_class WHERE 1<>1 LIMIT 1"));
            assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
        }
    }
}
