package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad terminal input never kills the shell: bytes that are not UTF-8, control characters, a huge paste,
 * unterminated quotes and comments. After each, a plain query still runs.
 */
class ShellInputRobustnessTest {
    /**
     * Lines of the paste typed without bracketed-paste markers: JLine redraws the buffer on every key, so such
     * input costs quadratic time; a few hundred lines (well past JLine's 1000-character limit for undo and
     * highlighting) keep the test quick.
     */
    private static final int LINES = 300;

    @TempDir
    Path dir;

    @Test
    void invalidUtf8AndControlCharacters() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT ");
            // lone continuation bytes, a truncated 3-byte sequence, an overlong encoding, 0xFF, NUL and other
            // control characters (Ctrl-A, Ctrl-B, bell, Ctrl-Z, a lone ESC, Ctrl-\)
            shell.typeBytes(new byte[] {(byte) 0x80, (byte) 0xBF, (byte) 0xE2, (byte) 0x82, 'x', (byte) 0xC0,
                (byte) 0xAF, (byte) 0xFF, (byte) 0xFE, 0x00, 0x01, 0x02, 0x07, 0x1A, 0x1B, 0x1C, 'y'});
            shell.type(";\r");
            shell.awaitOutput("[ERROR]");
            assertOk(shell);

            shell.typeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xF0, (byte) 0x9F, (byte) 0x98});
            shell.type("\u0003");
            assertOk(shell);
        }
    }

    @Test
    void hugePaste() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            StringBuilder sql = new StringBuilder("SELECT CHAR_LENGTH('");
            sql.append("abcdefghij".repeat(100_000)).append("') AS n;");
            // as a terminal sends a paste: wrapped in bracketed-paste markers, then Enter
            shell.type("\u001B[200~" + sql + "\u001B[201~\r");
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains("1000000"));
            assertOk(shell);

            // without paste markers, split over many lines as if typed very fast; before the shell renewed its
            // line reader after a huge input, every key typed here copied the edit buffer's 1 MB capacity for undo
            // and the heap ran out
            StringBuilder lines = new StringBuilder("SELECT 0");
            for (int i = 0; i < LINES; i++) {
                lines.append("\r + 1 /* padding padding padding padding */");
            }
            lines.append(" AS total;\r");
            shell.type(lines.toString());
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains(String.valueOf(LINES)));
            assertOk(shell);
        }
    }

    @Test
    void unterminatedStringThenCtrlCOrItsEnd() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT 'never ended;\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("still inside; ;\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("\u0003");
            assertOk(shell);

            shell.type("SELECT 'ab\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("cd' AS s;\r");
            String result = shell.awaitOutput("Received a total of 1 row");
            assertTrue(result.contains("ab"), result);
            shell.type("SELECT 'x\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("';\r");
            shell.awaitOutput("Received a total of 1 row");
            assertOk(shell);

            shell.type("SELECT `unclosed FROM t;\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("\u0003");
            assertOk(shell);
        }
    }

    @Test
    void unterminatedBlockComment() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT 1 /* not closed;\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("\u0003");
            assertOk(shell);

            shell.type("SELECT 5 AS five /* still open;\r");
            shell.awaitOutput(InteractiveShell.CONTINUATION_PROMPT);
            shell.type("closed now */;\r");
            assertTrue(shell.awaitOutput("Received a total of 1 row").contains("5"));
            assertOk(shell);

            shell.type("SELECT 2; -- a comment after the statement\r");
            shell.awaitOutput("Received a total of 1 row");
            assertOk(shell);
            shell.type("/* only a comment */;\r");
            shell.awaitOutput(InteractiveShell.PROMPT);
            assertOk(shell);
        }
    }

    @Test
    void upArrowRecallsTheLastStatement() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT 'first' AS w;\r");
            shell.awaitOutput("Received a total of 1 row");
            shell.type("SELECT 'second' AS w;\r");
            shell.awaitOutput("Received a total of 1 row");
            shell.type("\u001B[A\u001B[A\r");
            String again = shell.awaitOutput("Received a total of 1 row");
            assertTrue(again.contains(" first |"), again);
            shell.type("\u001B[A\u001B[A\u001B[A\u001B[B\r"); // history: first, second, first
            String second = shell.awaitOutput("Received a total of 1 row");
            assertTrue(second.contains(" second |"), second);
        }
    }

    @Test
    void verboseOptionAddsTheStackTrace() throws Exception {
        try (ShellDriver shell = new ShellDriver(dir.resolve("history"))) {
            shell.type("SELECT nope;\r");
            assertFalse(errorOutput(shell).contains("\tat "));

            shell.type("SET 'sql-client.verbose' = 'true';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT nope;\r");
            String verbose = errorOutput(shell);
            assertTrue(verbose.contains("[ERROR] Column 'nope' not found"), verbose);
            assertTrue(verbose.contains("\tat io.sluice."), verbose);

            shell.type("RESET 'sql-client.verbose';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT nope;\r");
            assertFalse(errorOutput(shell).contains("\tat "));

            shell.type("SET 'sql-client.verbose' = 'true';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SET 'sql-client.verbose' = 'false';\r");
            shell.awaitOutput("[INFO] Execute statement succeeded.");
            shell.type("SELECT nope;\r");
            assertFalse(errorOutput(shell).contains("\tat "));
        }
    }

    /** The error of the statement just typed, up to the next prompt. */
    private static String errorOutput(ShellDriver shell) {
        shell.awaitOutput("[ERROR]");
        return "[ERROR]" + shell.awaitOutput(InteractiveShell.PROMPT);
    }

    private static void assertOk(ShellDriver shell) throws Exception {
        shell.type("SELECT 1;\r");
        String result = shell.awaitOutput("Received a total of 1 row");
        assertTrue(result.contains("| +I |           1 |"), result);
        assertTrue(shell.running());
    }
}
