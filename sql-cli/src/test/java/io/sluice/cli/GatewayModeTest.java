package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.gateway.GatewayTableEnvironment;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice-sql --endpoint URL}: the client runs statements in a session of a real Sluice server (started in
 * this JVM) through its Flink SQL Gateway REST API; results, errors and exit codes are those of a local run, and
 * jobs run on the server, outliving the client.
 */
class GatewayModeTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run client(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SqlClient.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), false, () -> {
                    throw new AssertionError("gateway mode must not create a local environment");
                });
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @Timeout(120)
    void scriptsRunOnTheServerWithLocalResultsAndErrors() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0))) {
            String url = "http://127.0.0.1:" + server.httpPort();
            Path dir = tmp.resolve("out");
            Run run = client("--endpoint", url, "--format", "csv", "-e",
                    "SET 'execution.runtime-mode' = 'batch';"
                    + "CREATE TABLE nums (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '4',"
                    + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '4');"
                    + "CREATE TABLE out_t (n INT, sq INT) WITH ('connector' = 'filesystem', 'path' = '" + dir
                    + "', 'format' = 'csv');"
                    + "INSERT INTO out_t SELECT n, n * n FROM nums;"
                    + "SELECT n, sq FROM out_t ORDER BY n;");
            assertEquals(0, run.code(), run.err());
            assertEquals("n,sq\n1,1\n2,4\n3,9\n4,16\n", run.out());
            assertTrue(run.err().contains("SQL update statement has been successfully submitted"), run.err());

            Run bad = client("--endpoint", url, "-e", "SELECT * FROM no_such_table");
            assertEquals(1, bad.code());
            assertTrue(bad.err().contains("no_such_table"), bad.err());
        }
    }

    @Test
    @Timeout(120)
    void jobsOutliveTheClientAndPasswordsAreChecked() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0).withPassword("pw"))) {
            String url = "http://127.0.0.1:" + server.httpPort();
            TableException refused = assertThrows(TableException.class, () -> new GatewayTableEnvironment(url, "no"));
            assertTrue(refused.getMessage().contains("refused the login"), refused.getMessage());

            String jobId;
            try (GatewayTableEnvironment env = new GatewayTableEnvironment(url, "pw")) {
                env.executeSql("CREATE TABLE gen (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
                env.executeSql("CREATE TABLE sink (a INT) WITH ('connector' = 'blackhole')");
                TableResult insert = env.executeSql("INSERT INTO sink SELECT a FROM gen");
                jobId = insert.getJobClient().orElseThrow().getJobID();
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest status = HttpRequest.newBuilder(URI.create(url + "/jobs/" + jobId))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "sluice:pw".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
            String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("\"state\":\"RUNNING\""), body);
        }
    }
}
