package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script whose sources meet records they cannot decode ends with a status line per source table on stderr: how
 * many went to its bad-records table ({@code 'sluice.bad-records.table'}) and how many were skipped
 * ({@code ignore-parse-errors}); stdout carries only the query results.
 */
class BadRecordsScriptTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void theScriptEndsWithTheBadRecordCountsOfItsSources() throws Exception {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, "1,apple\n2\n3,plum\nx,fig\n", StandardCharsets.UTF_8);
        Path script = dir.resolve("job.sql");
        Files.writeString(script, String.join("\n",
                "SET 'execution.runtime-mode' = 'batch';",
                "CREATE TABLE bad_orders (table_name STRING, source STRING, source_partition INT,",
                "  source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))",
                "  WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("bad") + "', 'format' = 'json');",
                "CREATE TABLE orders (id INT, product STRING) WITH ('connector' = 'filesystem',",
                "  'path' = '" + in + "', 'format' = 'csv', 'sluice.bad-records.table' = 'bad_orders');",
                "CREATE TABLE lenient (id INT, product STRING) WITH ('connector' = 'filesystem',",
                "  'path' = '" + in + "', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');",
                "SELECT id FROM orders;",
                "SELECT COUNT(*) FROM lenient;",
                "SELECT source_offset FROM bad_orders ORDER BY source_offset;",
                ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SqlClient.run(new String[] {"-f", script.toString(), "--format", "csv"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                () -> TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
        assertEquals(0, code, err.toString());
        assertEquals("id\n1\n3\nEXPR$0\n3\nsource_offset\n2\n4\n", out.toString());
        String status = err.toString();
        assertTrue(status.endsWith("[INFO] Bad records of default_catalog.default_database.orders: 2 routed to its"
                + " bad-records table, 0 skipped." + System.lineSeparator()
                + "[INFO] Bad records of default_catalog.default_database.lenient: 0 routed to its bad-records"
                + " table, 1 skipped." + System.lineSeparator()), status);
    }
}
