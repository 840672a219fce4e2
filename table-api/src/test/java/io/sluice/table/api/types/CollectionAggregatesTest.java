package io.sluice.table.api.types;

import static io.sluice.table.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARRAY_AGG and COLLECT reach Java as Flink's classes, from SQL and from the Table API. */
class CollectionAggregatesTest {

    @Test
    void sqlAndTableApiCollectIntoArraysAndMultisets() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TEMPORARY VIEW v AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'a')) AS t(id, s)");
        try (CloseableIterator<Row> rows = env.executeSql("SELECT ARRAY_AGG(id), COLLECT(s) FROM v").collect()) {
            Row row = rows.next();
            assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) row.getField(0));
            assertEquals(Map.of("a", 2, "b", 1), row.getField(1));
        }
        Table t = env.from("v").select($("id").arrayAgg().as("ids"), $("s").collect().as("bag"));
        try (CloseableIterator<Row> rows = t.execute().collect()) {
            Row row = rows.next();
            assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) row.getField(0));
            assertEquals(Map.of("a", 2, "b", 1), row.getField(1));
        }
    }
}
