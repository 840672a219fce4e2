package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.FakeTableEnvironment.FakeResult;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's top level with a scripted environment and the real script splitter. */
class SqlClientTest {
    private static final ResolvedSchema ONE = ResolvedSchema.of(Column.physical("x", new DataType(LogicalType.integer())));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeTableEnvironment env = new FakeTableEnvironment()
            .on("SELECT 1", () -> FakeResult.query(ONE, Row.of(1)));

    private int run(String stdin, String... args) {
        return SqlClient.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), false, () -> env);
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, run("", "--help"));
        assertTrue(out.toString().startsWith("Usage: sluice-sql"));
        assertEquals(2, run("", "--format", "yaml"));
        assertTrue(err.toString().startsWith("[ERROR] Unknown result format 'yaml'."), err.toString());
        assertEquals(List.of(), env.executed);
    }

    @Test
    void executeRunsStatementsInOrderWithModeSwitch() {
        assertEquals(0, run("", "--format", "csv", "-e",
                "SELECT 1;\nSET 'execution.runtime-mode' = 'batch';\nSELECT 1;"));
        assertEquals("op,x\n+I,1\nx\n1\n", out.toString());
        assertEquals("[INFO] Execute statement succeeded.\n", err.toString());
    }

    @Test
    void stdinIsTheScriptWhenNotATerminal() {
        assertEquals(0, run("-- comment\nSELECT 1;\n", "--format", "tsv"));
        assertEquals("op\tx\n+I\t1\n", out.toString());
    }

    @Test
    void initRunsFirstAndFailureStopsWithExitCodeOne(@TempDir Path dir) throws IOException {
        Path init = dir.resolve("init.sql");
        Files.writeString(init, "SET 'execution.runtime-mode' = 'batch';\n");
        Path job = dir.resolve("job.sql");
        Files.writeString(job, "SELECT 1;\n\n   SELECT nope;\nSELECT 1;\n");
        env.failOn("SELECT nope", new TableException("Column 'nope' not found").atPosition(1, 8));
        assertEquals(1, run("", "-i", init.toString(), "-f", job.toString(), "--format", "json"));
        assertEquals("{\"x\":1}\n", out.toString());
        assertEquals(List.of("SET 'execution.runtime-mode' = 'batch'", "SELECT 1", "SELECT nope"), env.executed);
        assertEquals("[INFO] Execute statement succeeded.\n"
                + "[ERROR] Column 'nope' not found\n"
                + "at line 3, column 11 in " + job + ":\n"
                + "   SELECT nope;\n"
                + "          ^\n", err.toString());
    }

    @Test
    void missingScriptFileIsAnError() {
        assertEquals(1, run("", "-f", "/no/such/dir/x.sql"));
        assertTrue(err.toString().startsWith("[ERROR] Could not read script file '/no/such/dir/x.sql'"), err.toString());
    }
}
