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
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's bundled example through the real client and engine, in csv format, against a golden file. */
class QuickstartEndToEndTest {

    @Test
    void quickstartScriptPrintsTheExpectedRows(@TempDir Path tmp) throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        String script = Files.readString(repo.resolve("examples/quickstart.sql"))
                .replace("'examples/data/", "'" + repo.resolve("examples/data") + "/");
        Path file = tmp.resolve("quickstart.sql");
        Files.writeString(file, script);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SqlClient.run(new String[] {"-f", file.toString(), "--format", "csv"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                () -> TableEnvironment.create(EnvironmentSettings.inStreamingMode()));

        assertEquals(0, code, "exit code; stderr:\n" + err);
        String expected = new String(getClass().getResourceAsStream("/e2e/quickstart.expected.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(expected, out.toString());
        assertTrue(err.toString().contains("[INFO]"), "status lines go to stderr");
    }

    @Test
    void failingStatementStopsTheScriptWithItsPosition(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.sql");
        Files.writeString(file, "SET 'execution.runtime-mode' = 'batch';\nSELECT 1;\nSELECT nosuch\n  FROM (VALUES (1)) AS t(a);\nSELECT 2;\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SqlClient.run(new String[] {"-f", file.toString(), "--format", "csv"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), false,
                () -> TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
        assertEquals(1, code);
        assertEquals("EXPR$0\n1\n", out.toString().replace("\r\n", "\n"));
        assertTrue(err.toString().contains("Column 'nosuch' not found"), err.toString());
        assertTrue(err.toString().contains("line 3, column 8"), err.toString());
    }
}
