package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcTestSupport.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EXPLAIN of lookup joins against golden files in {@code src/test/resources/explain} (as table-api's plan
 * goldens; {@code -Dsluice.explain.rewrite=true} rewrites them).
 */
@ExtendWith(PostgresCluster.class)
class LookupJoinExplainTest {
    private static final boolean REWRITE = Boolean.getBoolean("sluice.explain.rewrite");

    private static void check(String name, String actual) throws Exception {
        Path file = Path.of("src", "test", "resources", "explain", name + ".out");
        String text = actual.replace("\r\n", "\n").stripTrailing() + "\n";
        if (REWRITE) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), text);
    }

    private static TableEnvironment env() {
        TableEnvironment env = JdbcTestSupport.streaming();
        env.executeSql("CREATE TABLE customers (id BIGINT, name STRING, country STRING,"
                + " PRIMARY KEY (id) NOT ENFORCED) " + with("customers", "'lookup.cache' = 'PARTIAL'",
                        "'lookup.partial-cache.max-rows' = '1000'"));
        env.executeSql("CREATE TABLE orders (order_id BIGINT, customer_id BIGINT, amount DOUBLE,"
                + " proc_time AS PROCTIME()) WITH ('connector' = 'datagen')");
        return env;
    }

    @Test
    void leftLookupJoinWithResidualCondition() throws Exception {
        check("stream_lookup_join", env().explainSql("SELECT o.order_id, c.name, o.amount FROM orders AS o"
                + " LEFT JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c"
                + " ON o.customer_id = c.id AND c.country = 'NL'"));
    }
}
