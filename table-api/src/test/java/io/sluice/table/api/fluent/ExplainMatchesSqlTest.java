package io.sluice.table.api.fluent;

import static io.sluice.table.api.Expressions.$;
import static io.sluice.table.api.Expressions.UNBOUNDED_RANGE;
import static io.sluice.table.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.ExplainDetail;
import io.sluice.table.api.Over;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.Tumble;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Table API query plans exactly like the SQL a person would write for it: {@code explain()} prints the same. */
class ExplainMatchesSqlTest {
    @TempDir
    Path dir;

    private static void assertSamePlan(TableEnvironment env, Table table, String sql) {
        assertEquals(env.explainSql(sql), table.explain());
    }

    @Test
    void projectionFilterAggregationAndSort() throws Exception {
        TableEnvironment env = FluentTestSupport.batch(dir);
        Table orders = env.from("Orders");
        assertSamePlan(env, orders.filter($("b").isGreater(20)).select($("a"), $("b").plus(1).as("b1")),
                "SELECT a, b + 1 AS b1 FROM Orders WHERE b > 20");
        assertSamePlan(env, orders.groupBy($("a")).select($("a"), $("b").sum().as("total")),
                "SELECT a, SUM(b) AS total FROM Orders GROUP BY a");
        assertSamePlan(env, orders.select($("a"), $("b")).orderBy($("b").desc()).fetch(2),
                "SELECT a, b FROM Orders ORDER BY b DESC LIMIT 2");
        assertSamePlan(env, orders.select($("a")).distinct(), "SELECT DISTINCT a FROM Orders");
    }

    @Test
    void joinsAndSetOperations() throws Exception {
        TableEnvironment env = FluentTestSupport.batch(dir);
        env.executeSql("CREATE TABLE Customers (name STRING, city STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("customers.csv") + "', 'format' = 'csv')");
        Table orders = env.from("Orders");
        Table customers = env.from("Customers");
        assertSamePlan(env, orders.join(customers, $("a").isEqual($("name"))).select($("a"), $("b"), $("city")),
                "SELECT a, b, city FROM Orders JOIN Customers ON a = name");
        assertSamePlan(env, orders.leftOuterJoin(customers, $("a").isEqual($("name"))).select($("a"), $("city")),
                "SELECT a, city FROM Orders LEFT JOIN Customers ON a = name");
        assertSamePlan(env, orders.join(customers).where($("a").isEqual($("name"))).select($("a"), $("city")),
                "SELECT a, city FROM Orders, Customers WHERE a = name");
        assertSamePlan(env, orders.select($("a")).union(customers.select($("name"))),
                "SELECT a FROM Orders UNION SELECT name FROM Customers");
    }

    @Test
    void windows() throws Exception {
        TableEnvironment env = FluentTestSupport.streaming(dir);
        Table orders = env.from("Orders");
        assertSamePlan(env, orders.window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))
                        .groupBy($("w"), $("a")).select($("a"), $("w").start(), $("b").sum()),
                "SELECT a, window_start, SUM(b) FROM TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(rowtime),"
                        + " INTERVAL '10' MINUTE)) GROUP BY window_start, window_end, a");
        assertSamePlan(env, orders.window(Over.partitionBy($("a")).orderBy($("rowtime")).preceding(UNBOUNDED_RANGE)
                        .as("w")).select($("a"), $("b").sum().over($("w")).as("total")),
                "SELECT a, SUM(b) OVER (PARTITION BY a ORDER BY rowtime RANGE BETWEEN UNBOUNDED PRECEDING AND"
                        + " CURRENT ROW) AS total FROM Orders");
    }

    @Test
    void explainDetailsAndInsertPipelines() throws Exception {
        TableEnvironment env = FluentTestSupport.streaming(dir);
        env.executeSql("CREATE TABLE Totals (a STRING, total INT) WITH ('connector' = 'blackhole')");
        Table totals = env.from("Orders").groupBy($("a")).select($("a"), $("b").sum().as("total"));
        String plan = totals.explain(ExplainDetail.CHANGELOG_MODE);
        assertEquals(env.explainSql("EXPLAIN CHANGELOG_MODE SELECT a, SUM(b) AS total FROM Orders GROUP BY a"), plan);
        assertTrue(plan.contains("changelogMode=[I,UB,UA]"), plan);
        assertEquals(env.explainSql("INSERT INTO Totals SELECT a, SUM(b) AS total FROM Orders GROUP BY a"),
                totals.insertInto("Totals").explain());
        assertEquals("default_catalog.default_database.Totals", totals.insertInto("Totals").getSinkIdentifier());
    }
}
