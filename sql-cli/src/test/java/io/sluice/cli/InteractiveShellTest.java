package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real shell on a terminal fed from a pipe: what a user types and what the screen shows. */
class InteractiveShellTest {
    private static final String UNBOUNDED = "CREATE TABLE g (id INT, name STRING) WITH ('connector' = 'datagen', "
            + "'rows-per-second' = '20', 'fields.id.min' = '1', 'fields.id.max' = '3');\r";
    private static final String BOUNDED = "CREATE TABLE n (id INT) WITH ('connector' = 'datagen', "
            + "'number-of-rows' = '6', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
            + "'fields.id.end' = '6');\r";

    @TempDir
    Path dir;

    @Test
    void multiLineStatementThenErrorThenGoodStatement() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("  1 + 1 AS two\r;\r");
            String result = shell.awaitOutput("Received a total of 1 row");
            assertTrue(result.contains("| op |"), result);
            assertTrue(result.contains("| +I |           2 |"), result);

            shell.type("SELECT nope;\r");
            String error = shell.awaitOutput("       ^");
            assertTrue(error.contains("[ERROR] Column 'nope' not found"), error);
            assertTrue(error.contains("at line 1, column 8:\nSELECT nope;\n"), error);

            shell.type("SELECT 42 AS answer;\r");
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains("42"));
        }
    }

    @Test
    void ctrlCCancelsAnUnboundedQueryAndTheShellGoesOn() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type(UNBOUNDED);
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT * FROM g;\r");
            shell.awaitOutput("| +I |");
            shell.type("\u0003");
            shell.awaitOutput("[INFO] Query terminated.");
            shell.awaitOutput("Sluice SQL> ");
            shell.type("SELECT 7 AS seven;\r");
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains("7 |"));
            shell.type("SHOW JOBS;\r");
            String jobs = shell.awaitOutput("rows in set");
            assertTrue(jobs.contains("SELECT * FROM g") && jobs.contains("CANCELED"), jobs);
        }
    }

    @Test
    void insertRunsInTheBackgroundAndStopJobStopsIt() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type(UNBOUNDED);
            shell.type("CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'blackhole');\r");
            shell.type("INSERT INTO sink SELECT * FROM g;\r");
            shell.awaitOutput("Job ID: ");
            String submitted = shell.awaitOutput("\n");
            Matcher id = Pattern.compile("(\\S+)").matcher(submitted);
            assertTrue(id.find(), submitted);
            shell.type("SHOW JOBS;\r");
            String running = shell.awaitOutput("1 row in set");
            assertTrue(running.contains(id.group(1)) && running.contains("RUNNING"), running);
            shell.type("STOP JOB '" + id.group(1) + "';\r");
            shell.awaitOutput("[INFO] The specified job is stopped.");
            shell.type("SHOW JOBS;\r");
            assertTrue(shell.awaitOutput("1 row in set").contains("CANCELED"));
            shell.type("STOP JOB 'nope';\r");
            shell.awaitOutput("[ERROR] Could not find a job with id 'nope'");
        }
    }

    @Test
    void helpListsTheStatements() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("help;\r");
            String help = shell.awaitOutput("Ctrl-C stops a running query");
            assertTrue(help.contains("SHOW JOBS"), help);
            assertTrue(help.contains("STOP JOB 'id'"), help);
            assertTrue(help.contains("sql-client.execution.result-mode"), help);
        }
    }

    @Test
    void resultModesChangelogAndTable() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type(BOUNDED);
            shell.type("SET 'sql-client.execution.result-mode' = 'changelog';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT id % 2 AS odd, COUNT(*) AS c FROM n GROUP BY id % 2;\r");
            String changelog = shell.awaitOutput("Received a total of");
            assertTrue(changelog.contains("op | odd | c"), changelog);
            assertTrue(changelog.contains("-U | 1   | 1"), changelog);
            assertTrue(changelog.contains("+U | 1   | 2"), changelog);
            assertFalse(changelog.contains("+----"), changelog);

            shell.type("SET 'sql-client.execution.result-mode' = 'table';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT id % 2 AS odd, COUNT(*) AS c FROM n GROUP BY id % 2;\r");
            String table = shell.awaitOutput("Query: finished");
            assertTrue(table.contains("Changes: 10"), table);
            String screen = shell.screen();
            assertTrue(screen.contains("SQL Query Result (Table)") && screen.contains("Q Quit"), screen);
            shell.type("q");
            shell.type("SET 'sql-client.execution.result-mode' = 'tableau';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT 'back' AS w;\r");
            shell.awaitOutput("Received a total of 1 row");

            shell.type("SET 'sql-client.execution.result-mode' = 'nope';\r");
            shell.type("SELECT 1;\r");
            assertTrue(shell.awaitOutput("must be 'table', 'changelog' or 'tableau'").contains("[ERROR]"));
        }
    }

    @Test
    void tabCompletesATableNameAndAnOptionKey() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("CREATE TABLE orders_2024 (id INT) WITH ('connector' = 'datagen');\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("DESCRIBE ord\t;\r");
            String described = shell.awaitOutput("1 row in set");
            assertTrue(Pattern.compile("\\|\\s+id \\|").matcher(described).find(), described);
            shell.type("SET 'sql-client.execution.res\t= 'changelog';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            assertEquals("changelog",
                    shell.env().getConfig().getConfiguration().getString("sql-client.execution.result-mode"));
        }
    }

    @Test
    void historyIsKeptAcrossSessions() throws Exception {
        Path history = dir.resolve("sub").resolve("history");
        try (ShellDriver shell = new ShellDriver(history)) {
            shell.type("SELECT\r  'remembered' AS w;\r");
            shell.awaitOutput("Received a total of 1 row");
        }
        assertTrue(Files.readString(history).contains("remembered"));
        try (ShellDriver shell = new ShellDriver(history)) {
            // Ctrl-P twice: the entry before the QUIT that ended the first session
            shell.type("\u0010\u0010\r");
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains("remembered"));
        }
    }

    @Test
    void ctrlDLeaves() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("\u0004");
            assertTrue(shell.ended(10_000));
            assertTrue(shell.awaitOutput("Goodbye!").length() > 0);
        }
    }
}
