package io.sluice.table.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * As in Flink, CREATE TABLE and ALTER TABLE store a table's options unchecked; the statement that reads or writes
 * the table checks them against the connector, with Flink's wording.
 */
class LateOptionValidationTest {
    private final TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());

    @Test
    void unsupportedOptionsFailTheQueryNotTheDdl() {
        env.executeSql("CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '2',"
                + " 'scan.startup.mode' = 'earliest-offset')");
        String ddl = env.executeSql("SHOW CREATE TABLE g").collect().next().getField(0).toString();
        assertTrue(ddl.contains("'scan.startup.mode' = 'earliest-offset'"), ddl);
        for (String query : List.of("SELECT * FROM g", "EXPLAIN PLAN FOR SELECT * FROM g")) {
            ValidationException e = assertThrows(ValidationException.class, () -> env.executeSql(query));
            assertTrue(e.getMessage().startsWith("Unsupported options found for 'datagen'.\n\nUnsupported options:\n\n"
                    + "scan.startup.mode\n\nSupported options:\n\nconnector\nfields.a.kind\nfields.a.max\nfields.a.min\n"
                    + "fields.a.null-rate\nnumber-of-rows\nrows-per-second\nscan.parallelism\n"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("table default_catalog.default_database.g"), e.getMessage());
        }
        env.executeSql("ALTER TABLE g RESET ('scan.startup.mode')");
        assertEquals(2, rows("SELECT * FROM g").size());
        env.executeSql("ALTER TABLE g SET ('rows-per-secnd' = '5')");
        ValidationException e = assertThrows(ValidationException.class, () -> env.executeSql("SELECT * FROM g"));
        assertTrue(e.getMessage().contains("Did you mean 'rows-per-second'?"), e.getMessage());
    }

    @Test
    void missingRequiredOptionsAndUnknownConnectorsFailTheQuery() {
        env.executeSql("CREATE TABLE f (a INT) WITH ('connector' = 'filesystem')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> env.executeSql("INSERT INTO f VALUES (1)"));
        assertTrue(e.getMessage().startsWith("One or more required options are missing.\n\nMissing required options "
                + "are:\n\nformat\npath"), e.getMessage());
        env.executeSql("CREATE TABLE k (a INT) WITH ('connector' = 'kafkaa')");
        e = assertThrows(ValidationException.class, () -> env.executeSql("SELECT * FROM k"));
        assertTrue(e.getMessage().startsWith("Could not find any connector factory for 'kafkaa'."), e.getMessage());
    }

    @Test
    void syntaxAndSchemaErrorsStillFailTheDdl() {
        assertThrows(Exception.class, () -> env.executeSql("CREATE TABLE s (a INT, a INT) WITH ('connector' = 'x')"));
        assertThrows(Exception.class, () -> env.executeSql("CREATE TABLE s (a INT) WITH ('connector' = 'x',"
                + " 'connector' = 'y')"));
    }

    private List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        env.executeSql(sql).collect().forEachRemaining(rows::add);
        return rows;
    }
}
