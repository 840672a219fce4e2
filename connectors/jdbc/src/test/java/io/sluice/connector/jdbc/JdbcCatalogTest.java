package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.rows;
import static io.sluice.connector.jdbc.JdbcTestSupport.sortedRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code CREATE CATALOG ... WITH ('type' = 'jdbc', ...)} lists PostgreSQL's databases and tables and reads them. */
@ExtendWith(PostgresCluster.class)
class JdbcCatalogTest {
    private static String baseUrl;

    @BeforeAll
    static void createDatabase() throws Exception {
        PostgresCluster.Server pg = PostgresCluster.get();
        pg.execute("CREATE DATABASE shop");
        String url = pg.jdbcUrl();
        baseUrl = url.substring(0, url.lastIndexOf('/') + 1);
        try (var c = java.sql.DriverManager.getConnection(baseUrl + "shop", "postgres", "");
                var s = c.createStatement()) {
            s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price NUMERIC(8, 2),"
                    + " added TIMESTAMP(3))");
            s.execute("INSERT INTO products VALUES (1, 'tea', 3.50, '2024-05-01 10:00:00'), (2, 'milk', 1.20, NULL)");
            s.execute("CREATE SCHEMA sales");
            s.execute("CREATE TABLE sales.totals (product_id INT, total BIGINT, PRIMARY KEY (product_id))");
        }
    }

    private TableEnvironment env() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE CATALOG pg WITH ('type' = 'jdbc', 'base-url' = '" + baseUrl + "',"
                + " 'default-database' = 'shop', 'username' = 'postgres')");
        return env;
    }

    @Test
    void listsDatabasesAndTables() throws Exception {
        TableEnvironment env = env();
        env.executeSql("USE CATALOG pg");
        assertTrue(rows(env.executeSql("SHOW DATABASES")).containsAll(List.of("+I[postgres]", "+I[shop]")));
        assertEquals(List.of("+I[public.products]", "+I[sales.totals]"), rows(env.executeSql("SHOW TABLES")));
        String described = String.join("\n", rows(env.executeSql("DESCRIBE products")));
        assertTrue(described.contains("name, VARCHAR(20), false"), described);
        assertTrue(described.contains("price, DECIMAL(8, 2), true"), described);
        assertTrue(described.contains("PRI(id)"), described);
    }

    @Test
    void readsAndWritesTablesWithTheirTypesAndKeys() throws Exception {
        TableEnvironment env = env();
        assertEquals(List.of("+I[1, tea, 3.50, 2024-05-01T10:00]", "+I[2, milk, 1.20, null]"),
                sortedRows(env, "SELECT * FROM pg.shop.`public.products`"));
        assertEquals(List.of("+I[tea]"), sortedRows(env, "SELECT name FROM pg.shop.`public.products` WHERE id = 1"));
        env.executeSql("INSERT INTO pg.shop.`sales.totals` SELECT id, COUNT(*) FROM (SELECT id FROM"
                + " pg.shop.`public.products` UNION ALL SELECT id FROM pg.shop.`public.products` WHERE id = 2)"
                + " GROUP BY id").await();
        assertEquals(List.of("+I[1, 1]", "+I[2, 2]"), sortedRows(env, "SELECT * FROM pg.shop.`sales.totals`"));
    }

    @Test
    void isReadOnlyAndValidatesOptions() {
        TableEnvironment env = env();
        Exception e = assertThrows(Exception.class, () -> env.executeSql("CREATE TABLE pg.shop.x (id INT)"
                + " WITH ('connector' = 'datagen')"));
        assertTrue(e.getMessage().contains("not supported yet: creating a table or view in catalog pg"), e.getMessage());
        e = assertThrows(Exception.class, () -> env.executeSql("CREATE CATALOG bad WITH ('type' = 'jdbc',"
                + " 'base-url' = '" + baseUrl + "', 'default-database' = 'shop', 'user-name' = 'x')"));
        assertTrue(e.getMessage().contains("Unsupported option 'user-name'") && e.getMessage().contains("username"),
                e.getMessage());
    }
}
