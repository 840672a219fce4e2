package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.print.ResultFormat;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
    @Test
    void defaults() {
        CliOptions o = CliOptions.parse();
        assertEquals(ResultFormat.TABLEAU, o.format());
        assertEquals(Optional.empty(), o.scriptFile());
        assertEquals(Optional.empty(), o.executeSql());
        assertEquals(Optional.empty(), o.initFile());
        assertFalse(o.help());
        assertFalse(o.verbose());
    }

    @Test
    void shortAndLongForms() {
        CliOptions o = CliOptions.parse("-i", "init.sql", "-f", "job.sql", "--format", "csv", "-v");
        assertEquals(Optional.of(Path.of("init.sql")), o.initFile());
        assertEquals(Optional.of(Path.of("job.sql")), o.scriptFile());
        assertEquals(ResultFormat.CSV, o.format());
        assertTrue(o.verbose());

        o = CliOptions.parse("--init=a.sql", "--execute", "SELECT 1;", "--format=JSON");
        assertEquals(Optional.of(Path.of("a.sql")), o.initFile());
        assertEquals(Optional.of("SELECT 1;"), o.executeSql());
        assertEquals(ResultFormat.JSON, o.format());

        assertEquals(ResultFormat.TABLEAU, CliOptions.parse("--format", "table").format());
        assertEquals(ResultFormat.TSV, CliOptions.parse("--format", "tsv").format());
        assertTrue(CliOptions.parse("--help").help());
        assertTrue(CliOptions.parse("-h").help());
    }

    @Test
    void executeValueMayLookLikeAnOption() {
        assertEquals(Optional.of("--x"), CliOptions.parse("-e", "--x").executeSql());
    }

    @Test
    void usageErrors() {
        assertMessage("Unknown option '--bogus'.", "--bogus");
        assertMessage("Unexpected argument 'stray'.", "stray");
        assertMessage("Option -f needs a value.", "-f");
        assertMessage("Option --format is given more than once.", "--format", "csv", "--format", "json");
        assertMessage("Options -f and -e cannot be used together.", "-f", "a.sql", "-e", "SELECT 1");
        assertMessage("Option --help takes no value.", "--help=yes");
        CliUsageException e = assertThrows(CliUsageException.class, () -> CliOptions.parse("--format", "xml"));
        assertTrue(e.getMessage().contains("table, tableau, csv, tsv, json"), e.getMessage());
    }

    @Test
    void jarsAreRepeatableAndMustBeOnTheClassPath() throws Exception {
        CliOptions o = CliOptions.parse("-j", "a.jar", "--jar=b.jar");
        assertEquals(java.util.List.of(Path.of("a.jar"), Path.of("b.jar")), o.jars());
        assertTrue(SqlClient.checkJars(o.jars()).contains("does not exist"));
        Path jar = java.nio.file.Files.createTempFile("extra", ".jar");
        try {
            assertTrue(SqlClient.checkJars(java.util.List.of(jar)).contains("is not on the class path"));
        } finally {
            java.nio.file.Files.delete(jar);
        }
        assertEquals(null, SqlClient.checkJars(java.util.List.of()));
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(CliUsageException.class, () -> CliOptions.parse(args)).getMessage());
    }
}
