package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a dumb terminal ({@code TERM=dumb}) cancels the running query and keeps the shell, as on a full
 * terminal. The shell runs in its own JVM on a pseudo-terminal, made by Python's standard {@code pty} module, whose
 * line discipline turns the typed Ctrl-C into SIGINT, exactly as a real terminal does.
 */
class DumbTerminalInterruptTest {
    private static final String DRIVER = String.join("\n",
            "import os, pty, select, sys, time",
            "env = dict(os.environ, TERM='dumb')",
            "pid, fd = pty.fork()",
            "if pid == 0:",
            "    os.execvpe(sys.argv[1], sys.argv[1:], env)",
            "seen = b''",
            "def until(text, seconds):",
            "    global seen",
            "    end = time.time() + seconds",
            "    while time.time() < end and text not in seen:",
            "        r, _, _ = select.select([fd], [], [], 0.1)",
            "        if r:",
            "            try:",
            "                seen += os.read(fd, 65536)",
            "            except OSError:",
            "                break",
            "    return text in seen",
            "until(b'Sluice SQL> ', 60)",
            "os.write(fd, b\"CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\\r\")",
            "until(b'succeeded', 30)",
            "os.write(fd, b'SELECT a FROM g;\\r')",
            "until(b'+I |', 30)",
            "os.write(fd, b'\\x03')",
            "until(b'Query terminated', 30)",
            "os.write(fd, b'SELECT 40 + 2 AS answer;\\r')",
            "until(b'Received a total of 1 row', 30)",
            "os.write(fd, b'QUIT;\\r')",
            "until(b'Goodbye', 30)",
            "_, status = os.waitpid(pid, 0)",
            "sys.stdout.write(seen.decode('utf-8', 'replace'))",
            "sys.stdout.write('\\nEXIT=%d\\n' % os.waitstatus_to_exitcode(status))");

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void ctrlCCancelsTheQueryAndKeepsTheShell() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "this test needs Python 3 at /usr/bin/python3 (its pty module)");
        Path driver = tmp.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(python.toString(), driver.toString(), java,
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dsluice.cli.stdin-tty=true", "-Dsluice.cli.history=",
                "-cp", System.getProperty("java.class.path"), SqlClient.class.getName()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("out.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(170, TimeUnit.SECONDS), "the driver did not finish");
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertTrue(out.contains("[INFO] Query terminated."), out);
        assertTrue(out.contains("42"), out);
        assertTrue(out.contains("Goodbye!"), out);
        assertTrue(out.contains("EXIT=0"), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(new File(java).canExecute());
    }
}
