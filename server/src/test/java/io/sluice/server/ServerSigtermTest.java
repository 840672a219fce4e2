package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as {@code bin/sluice-server} runs it, in its own JVM: SIGTERM stops its running jobs with a savepoint
 * under {@code --savepoint-dir} and logs where each went.
 */
class ServerSigtermTest {
    private static final Pattern LISTENING = Pattern.compile("PostgreSQL protocol on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void sigtermStopsJobsWithASavepointAndLogsWhere() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SluiceServer.class.getName(), "--pg-port", "0",
                "--http-port", "0", "--flight-port", "0", "--savepoint-dir", dir.toString());
        pb.environment().remove(SluiceServer.PASSWORD_ENV);
        pb.redirectErrorStream(true);
        Process server = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            int port = -1;
            long deadline = System.currentTimeMillis() + 60_000;
            while (port < 0) {
                String line = lines.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("the server did not start:\n" + log);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    assertTrue(line.contains("Arrow Flight SQL on 127.0.0.1:"), line);
                }
            }
            String job;
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/default_catalog", "sluice", null); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50')");
                s.execute("CREATE TABLE dst (id BIGINT) WITH ('connector' = 'blackhole')");
                try (ResultSet rs = s.executeQuery("INSERT INTO dst SELECT id FROM src")) {
                    assertTrue(rs.next());
                    job = rs.getString("job_id");
                }
            }
            server.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop:\n" + log);
            reader.get(10, TimeUnit.SECONDS);
            Matcher stopped = Pattern.compile("stopped job " + job + " with a savepoint at (\\S+)")
                    .matcher(log.toString());
            assertTrue(stopped.find(), log.toString());
            Path savepoint = Path.of(stopped.group(1));
            assertTrue(savepoint.startsWith(dir) && Files.isDirectory(savepoint), savepoint.toString());
            try (var files = Files.list(savepoint)) {
                assertTrue(files.findAny().isPresent(), "empty savepoint " + savepoint);
            }
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }
}
