package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line of long batch queries: shown on the interactive terminal and erased before the table prints,
 * never in scripts.
 */
class QueryProgressTest {
    /** 40 rows at 16 rows per second: about 2.5 s, in small batches. */
    private static final String SLOW = "CREATE TABLE slow (id INT) WITH ('connector' = 'datagen', "
            + "'number-of-rows' = '40', 'rows-per-second' = '16', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '40');";
    private static final String BATCH = "SET 'execution.runtime-mode' = 'batch';";
    private static final String CLEAR_LINE = "\r\u001B[K";

    @TempDir
    Path dir;

    @Test
    void textShowsElapsedTimeAndRowsOrASpinner() {
        assertEquals("[running 3.2 s, 1 204 531 rows received]", QueryProgress.text(3_250_000_000L, 1_204_531, 0));
        assertEquals("[running 1.0 s, 1 row received]", QueryProgress.text(1_000_000_000L, 1, 7));
        assertEquals("[running 12.0 s -]", QueryProgress.text(12_000_000_000L, 0, 0));
        assertEquals("[running 12.0 s |]", QueryProgress.text(12_000_000_000L, 0, 6));
        assertEquals("999", QueryProgress.grouped(999));
        assertEquals("1 000", QueryProgress.grouped(1000));
        assertEquals("12 345 678", QueryProgress.grouped(12_345_678));
    }

    @Test
    void slowBatchQueryShowsRowsReceivedThenTheLineIsErasedBeforeTheTable() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type(SLOW + "\r" + BATCH + "\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            int before = shell.rawScreen().length();
            shell.type("SELECT id FROM slow;\r");
            shell.awaitOutput("40 rows in set");
            String raw = shell.rawScreen().substring(before);
            int table = raw.indexOf("+----");
            int lastProgress = raw.lastIndexOf("[running ");
            assertTrue(lastProgress >= 0 && lastProgress < table, raw);
            assertTrue(raw.substring(0, table).matches("(?s).*\\[running \\d+\\.\\d s, \\d+ rows? received].*"), raw);
            assertTrue(raw.substring(lastProgress, table).contains(CLEAR_LINE), "erased before the table: " + raw);
            assertFalse(raw.substring(table).contains("[running"), raw);

            // the shell goes on, and a quick query shows no line
            before = shell.rawScreen().length();
            shell.type("SELECT 1 AS x;\r");
            shell.awaitOutput("1 row in set");
            assertFalse(shell.rawScreen().substring(before).contains("[running"));
        }
    }

    @Test
    void aggregateShowsASpinnerAndCtrlCStillCancels() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type(SLOW + "\r" + BATCH + "\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            int before = shell.rawScreen().length();
            shell.type("SELECT COUNT(*) AS c FROM slow;\r");
            shell.awaitOutput("[running 1.");
            shell.type("\u0003");
            shell.awaitOutput("[INFO] Query terminated.");
            shell.awaitOutput("Sluice SQL> ");
            String raw = shell.rawScreen().substring(before);
            int terminated = raw.indexOf("[INFO] Query terminated.");
            assertTrue(raw.substring(0, terminated).matches("(?s).*\\[running \\d+\\.\\d s [-\\\\|/]].*"), raw);
            assertTrue(raw.substring(raw.lastIndexOf("[running "), terminated).contains(CLEAR_LINE), raw);
            assertFalse(raw.substring(terminated).contains("[running"), raw);
            Thread.sleep(2 * QueryProgress.PERIOD_MILLIS);
            assertFalse(shell.rawScreen().substring(before + terminated).contains("[running"), "timer stopped");
        }
    }

    @Test
    void scriptsNeverShowTheLine() {
        for (String format : new String[] {"tableau", "csv", "json"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SqlClient.run(new String[] {"-e", SLOW + BATCH + "SELECT id FROM slow;", "--format", format},
                    new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                    () -> TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
            assertEquals(0, code, err.toString());
            assertTrue(out.toString().contains("40"), out.toString());
            assertFalse(out.toString().contains("[running") || err.toString().contains("[running"), format);
        }
    }
}
