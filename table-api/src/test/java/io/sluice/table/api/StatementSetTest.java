package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java statement set: planned on add, explained as one combined plan, executed as one job. */
class StatementSetTest {
    @TempDir
    Path dir;

    private TableEnvironment environment() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "1,east\n2,west\n3,east\n", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE src (id INT, region STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE east (id INT) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("east")
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE everyone (id INT, region STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("everyone") + "', 'format' = 'csv')");
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void explainsAsTheSqlStatementSetAndExecutesEveryInsert() throws Exception {
        TableEnvironment env = environment();
        StatementSet set = env.createStatementSet()
                .addInsertSql("INSERT INTO east SELECT id FROM src WHERE region = 'east'")
                .addInsert("everyone", env.sqlQuery("SELECT id, region FROM src"));
        String plan = set.explain();
        assertEquals(env.explainSql("EXPLAIN STATEMENT SET BEGIN INSERT INTO east SELECT id FROM src WHERE region = 'east';"
                + " INSERT INTO everyone SELECT id, region FROM src; END"), plan);
        assertEquals(1, plan.split("== Optimized Physical Plan ==", -1).length - 1, plan);
        assertTrue(plan.contains("Sink(table=[default_catalog.default_database.east]")
                && plan.contains("Sink(table=[default_catalog.default_database.everyone]"), plan);

        TableResult result = set.execute();
        assertEquals(List.of("default_catalog.default_database.east", "default_catalog.default_database.everyone"),
                result.getResolvedSchema().getColumnNames());
        result.await();
        assertEquals(List.of("+I[1]", "+I[3]"), rows(env, "SELECT id FROM east"));
        assertEquals(List.of("+I[1, east]", "+I[2, west]", "+I[3, east]"), rows(env, "SELECT * FROM everyone"));
        TableException empty = assertThrows(TableException.class, set::execute);
        assertTrue(empty.getMessage().contains("No operators defined"), empty.getMessage());
    }

    @Test
    void rejectsStatementsOtherThanInsertAndEmptySets() throws Exception {
        TableEnvironment env = environment();
        StatementSet set = env.createStatementSet();
        TableException select = assertThrows(TableException.class, () -> set.addInsertSql("SELECT id FROM src"));
        assertEquals("Only insert statement is supported now.", select.getMessage());
        TableException empty = assertThrows(TableException.class, set::explain);
        assertEquals("operations should not be empty", empty.getMessage());
        assertThrows(ValidationException.class, () -> set.addInsertSql("INSERT INTO nosuch SELECT id FROM src"));
    }

    @Test
    void beginStatementSetTakesCreateTableAsAndMakesTheTableAtEnd() throws Exception {
        TableEnvironment env = environment();
        env.executeSql("SET 'table.dml-sync' = 'true'");
        env.executeSql("BEGIN STATEMENT SET");
        env.executeSql("INSERT INTO east SELECT id FROM src WHERE region = 'east'");
        env.executeSql("CREATE TABLE west WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("west")
                + "', 'format' = 'csv') AS SELECT id FROM src WHERE region = 'west'");
        assertTrue(!env.listTables().contains("west"), "the table is made when the set runs");
        ValidationException other = assertThrows(ValidationException.class, () -> env.executeSql("SHOW TABLES"));
        assertEquals("Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to"
                + " submit Statement Set.", other.getMessage());
        env.executeSql("END").await();
        assertEquals(List.of("+I[1]", "+I[3]"), rows(env, "SELECT * FROM east ORDER BY id"));
        assertEquals(List.of("+I[2]"), rows(env, "SELECT * FROM west"));

        // a set that fails at END (here: its second CTAS makes a table the first one made) leaves no table behind
        env.executeSql("BEGIN STATEMENT SET");
        for (int i = 0; i < 2; i++) {
            env.executeSql("CREATE TABLE north WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("north")
                    + "', 'format' = 'csv') AS SELECT id FROM src");
        }
        assertThrows(ValidationException.class, () -> env.executeSql("END"));
        assertTrue(!env.listTables().contains("north"), env.listTables().toString());
    }
}
