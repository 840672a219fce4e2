package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's dynamic table options: an OPTIONS hint gives one scan or INSERT target more or other options. */
class DynamicTableOptionsTest {
    private final TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());

    @TempDir
    Path tmp;

    @Test
    void aHintOverridesTheOptionsOfOneScan() {
        env.executeSql("CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        assertEquals(3, rows("SELECT * FROM g /*+ OPTIONS('number-of-rows' = '3') */").size());
        assertEquals(10, rows("SELECT * FROM g").size());
        assertEquals(13L, ((Number) rows("SELECT COUNT(*) FROM (SELECT a FROM g /*+ OPTIONS("
                + "'number-of-rows' = '3') */ UNION ALL SELECT a FROM g)").get(0).getField(0)).longValue());
        String ddl = env.executeSql("SHOW CREATE TABLE g").collect().next().getField(0).toString();
        assertTrue(ddl.contains("'number-of-rows' = '10'"), ddl);
    }

    @Test
    void hintOptionsAreValidatedLikeTableOptions() {
        env.executeSql("CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> env.executeSql("SELECT * FROM g /*+ OPTIONS('number-of-rowz' = '3') */"));
        assertTrue(e.getMessage().startsWith("Unsupported options found for 'datagen'."), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'number-of-rows'?"), e.getMessage());
        env.executeSql("SET 'table.dynamic-table-options.enabled' = 'false'");
        e = assertThrows(ValidationException.class,
                () -> env.executeSql("SELECT * FROM g /*+ OPTIONS('number-of-rows' = '3') */"));
        assertTrue(e.getMessage().contains("OPTIONS hint is allowed only when table.dynamic-table-options.enabled"
                + " is set to true"), e.getMessage());
    }

    @Test
    void aHintOnTheInsertTargetOverridesItsOptions() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        env.executeSql("CREATE TABLE f (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '" + a
                + "', 'format' = 'csv')");
        env.executeSql("INSERT INTO f /*+ OPTIONS('path' = '" + b + "') */ VALUES (1, 'x'), (2, 'y')").await();
        assertEquals(0, rows("SELECT * FROM f").size());
        assertEquals(List.of("+I[1, x]", "+I[2, y]"), strings(rows("SELECT * FROM f /*+ OPTIONS('path' = '"
                + b + "') */ ORDER BY id")));
        ValidationException e = assertThrows(ValidationException.class, () -> env.executeSql(
                "INSERT INTO f /*+ OPTIONS('pth' = 'x') */ VALUES (3, 'z')"));
        assertTrue(e.getMessage().contains("Did you mean 'path'?"), e.getMessage());
    }

    private List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        env.executeSql(sql).collect().forEachRemaining(rows::add);
        return rows;
    }

    private static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }
}
