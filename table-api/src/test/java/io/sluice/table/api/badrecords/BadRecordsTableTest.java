package io.sluice.table.api.badrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code 'sluice.bad-records.table'} on a filesystem source: the lines its format cannot decode land in the named
 * table, in the same job, with file, line, error and raw text, and the good lines are read as before; without the
 * option the same file fails the job; a missing or mis-shaped table is refused when the job is planned.
 */
@Timeout(60)
class BadRecordsTableTest {
    static final String BAD_COLUMNS = "table_name STRING, source STRING, source_partition INT, source_offset BIGINT,"
            + " error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3)";

    @TempDir
    Path dir;

    private TableEnvironment env(boolean streaming) {
        TableEnvironment env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                : EnvironmentSettings.inBatchMode());
        env.executeSql("SET 'table.exec.batch-size' = '3'");
        env.executeSql("CREATE TABLE bad_orders (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("bad") + "', 'format' = 'json')");
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        return out;
    }

    /** The bad-records table read back in batch mode, in file order: every column but the wall-clock time. */
    private List<String> badRows() {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql("CREATE TABLE bad_orders (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("bad") + "', 'format' = 'json')");
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql("SELECT table_name, source, source_partition,"
                + " source_offset, raw_text, raw_bytes, found_at IS NOT NULL FROM bad_orders"
                + " ORDER BY source, source_offset").collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                boolean sameBytes = new String((byte[]) r.getField(5), StandardCharsets.UTF_8).equals(r.getField(4));
                out.add("+I[" + r.getField(0) + ", " + r.getField(1) + ", " + r.getField(2) + ", " + r.getField(3)
                        + ", " + r.getField(4) + ", " + sameBytes + ", " + r.getField(6) + "]");
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        return out;
    }

    private List<String> badErrors() {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql("CREATE TABLE bad_orders (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("bad") + "', 'format' = 'json')");
        return rows(batch, "SELECT error FROM bad_orders ORDER BY source, source_offset");
    }

    private Path csvOrders() throws Exception {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, String.join("\n",
                "1,apple,2.50",
                "2,pear",
                "3,plum,1.25",
                "x4,fig,3.00",
                "5,\"kiwi,\nsliced\",9.99",
                "7,date,0.50") + "\n", StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void csvLinesThatDoNotDecodeGoToTheBadRecordsTable() throws Exception {
        Path in = csvOrders();
        TableEnvironment env = env(true);
        env.executeSql("CREATE TABLE orders (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv',"
                + " 'sluice.bad-records.table' = 'bad_orders')");
        env.executeSql("CREATE TABLE good (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir.resolve("good") + "', 'format' = 'csv')");
        env.executeSql("INSERT INTO good SELECT * FROM orders").await();

        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql("CREATE TABLE good (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir.resolve("good") + "', 'format' = 'csv')");
        assertEquals(List.of("+I[1, apple, 2.50]", "+I[3, plum, 1.25]", "+I[5, kiwi,\nsliced, 9.99]",
                "+I[7, date, 0.50]"), rows(batch, "SELECT * FROM good ORDER BY id"));
        String t = "default_catalog.default_database.orders";
        assertEquals(List.of(
                "+I[" + t + ", " + in + ", null, 2, 2,pear, true, true]",
                "+I[" + t + ", " + in + ", null, 4, x4,fig,3.00, true, true]"), badRows());
        List<String> errors = badErrors();
        assertTrue(errors.get(0).contains("expected 3 fields but found 2") && errors.get(0).contains(in + ":2"),
                errors.get(0));
        assertTrue(errors.get(1).contains("'id'") && errors.get(1).contains(in + ":4"), errors.get(1));
    }

    @Test
    void jsonAndTheErrorNamesTheFileAndLine() throws Exception {
        Path in = dir.resolve("orders.json");
        Files.writeString(in, String.join("\n",
                "{\"id\": 1, \"product\": \"apple\"}",
                "{\"id\": 2, \"product\": ",
                "",
                "{\"id\": \"two\", \"product\": \"pear\"}",
                "{\"id\": 3, \"product\": \"plum\"}") + "\n", StandardCharsets.UTF_8);
        TableEnvironment env = env(false);
        env.executeSql("CREATE TABLE orders (id INT, product STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'json', 'sluice.bad-records.table' = 'bad_orders')");
        assertEquals(List.of("+I[1, apple]", "+I[3, plum]"), rows(env, "SELECT * FROM orders"));
        List<String> bad = badRows();
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains(", 2, {\"id\": 2, \"product\": , true, true]"), bad.get(0));
        assertTrue(bad.get(1).contains(", 4, {\"id\": \"two\", \"product\": \"pear\"}, true, true]"), bad.get(1));
        List<String> errors = badErrors();
        assertTrue(errors.get(0).contains(in + ":2"), errors.get(0));
        assertTrue(errors.get(1).contains("'id'") && errors.get(1).contains(in + ":4"), errors.get(1));
    }

    @Test
    void changelogJsonEventsThatDoNotDecodeAreRouted() throws Exception {
        Path in = dir.resolve("changes.json");
        Files.writeString(in, String.join("\n",
                "{\"before\": null, \"after\": {\"id\": 1, \"product\": \"apple\"}, \"op\": \"c\"}",
                "{\"before\": null, \"after\": {\"id\": 2, \"product\": \"pear\"}, \"op\": \"?\"}",
                "{\"before\": {\"id\": 1, \"product\": \"apple\"}, \"after\": {\"id\": 1, \"product\": \"fig\"},"
                        + " \"op\": \"u\"}",
                "not json") + "\n", StandardCharsets.UTF_8);
        TableEnvironment env = env(true);
        env.executeSql("CREATE TABLE products (id INT, product STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'debezium-json', 'sluice.bad-records.table' = 'bad_orders')");
        assertEquals(List.of("+I[1, apple]", "-U[1, apple]", "+U[1, fig]"), rows(env, "SELECT * FROM products"));
        List<String> bad = badRows();
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains(", 2, {\"before\": null"), bad.get(0));
        assertTrue(bad.get(1).contains(", 4, not json, true, true]"), bad.get(1));
    }

    @Test
    void withoutTheOptionTheSameFileFailsTheJob() throws Exception {
        Path in = csvOrders();
        TableEnvironment env = env(false);
        env.executeSql("CREATE TABLE orders (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM orders"));
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof TableException && t.getMessage().contains("orders.csv"))) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains(in + ":2"), t.getMessage());
    }

    @Test
    void explainAnalyzeShowsRoutedAndSkippedCounts() throws Exception {
        Path in = csvOrders();
        TableEnvironment env = env(false);
        env.executeSql("CREATE TABLE orders (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv',"
                + " 'sluice.bad-records.table' = 'bad_orders')");
        env.executeSql("CREATE TABLE skipping (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv',"
                + " 'csv.ignore-parse-errors' = 'true')");
        String routed = String.join("\n", rows(env, "EXPLAIN ANALYZE SELECT id FROM orders"));
        assertTrue(routed.contains("bad records routed=2"), routed);
        assertTrue(routed.contains("BadRecords(table=[default_catalog.default_database.orders])"), routed);
        assertTrue(routed.contains("Sink(table=[default_catalog.default_database.bad_orders]"), routed);
        String skipped = String.join("\n", rows(env, "EXPLAIN ANALYZE SELECT id FROM skipping"));
        assertTrue(skipped.contains("bad records skipped=1"), skipped);
        // ignore-parse-errors applies first: the short record is skipped, the bad value becomes NULL
        env.executeSql("CREATE TABLE both_options (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv',"
                + " 'csv.ignore-parse-errors' = 'true', 'sluice.bad-records.table' = 'bad_orders')");
        String both = String.join("\n", rows(env, "EXPLAIN ANALYZE SELECT id FROM both_options"));
        assertTrue(both.contains("bad records skipped=1") && !both.contains("bad records routed"), both);
    }

    @Test
    void aMissingOrMisshapedTableIsRefusedWhenTheJobIsPlanned() throws Exception {
        Path in = csvOrders();
        TableEnvironment env = env(false);
        env.executeSql("CREATE TABLE orders (id INT, product STRING, amount DECIMAL(10, 2)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv',"
                + " 'sluice.bad-records.table' = 'bad_order')");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> env.executeSql("SELECT * FROM orders"));
        assertTrue(missing.getMessage().contains("The bad-records table default_catalog.default_database.bad_order"
                + " (option 'sluice.bad-records.table' of table default_catalog.default_database.orders) does not"
                + " exist. Did you mean 'bad_orders'?"), missing.getMessage());
        assertTrue(missing.getMessage().contains("(" + BAD_COLUMNS + ")"), missing.getMessage());

        env.executeSql("CREATE TABLE wrong (table_name STRING, source STRING, source_partition INT,"
                + " source_offset INT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'blackhole')");
        env.executeSql("ALTER TABLE orders SET ('sluice.bad-records.table' = 'wrong')");
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> env.executeSql("SELECT * FROM orders"));
        assertTrue(wrong.getMessage().contains("column 'source_offset' has type INT, not BIGINT"), wrong.getMessage());
    }

    @Test
    void aSourceThatCannotRouteBadRecordsSaysSo() {
        TableEnvironment env = env(false);
        env.executeSql("CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',"
                + " 'sluice.bad-records.table' = 'bad_orders')");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> env.executeSql("SELECT * FROM gen"));
        assertTrue(e.getMessage().contains("'sluice.bad-records.table' on table default_catalog.default_database.gen"),
                e.getMessage());
    }
}
