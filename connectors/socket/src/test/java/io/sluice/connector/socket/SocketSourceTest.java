package io.sluice.connector.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket source reads records a local server sends, through SQL. */
@Timeout(60)
class SocketSourceTest {
    private ServerSocket server;
    private Thread serving;
    private volatile Throwable serverError;

    @BeforeEach
    void setUp() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        if (serving != null) {
            serving.join(10_000);
        }
        if (serverError != null) {
            throw new AssertionError("the test server failed", serverError);
        }
    }

    /** Accepts one connection and sends {@code chunks} (flushing each, waiting for {@code gate} before the last). */
    private void serve(CountDownLatch gate, String... chunks) {
        serving = new Thread(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                for (int i = 0; i < chunks.length; i++) {
                    if (i == chunks.length - 1 && gate != null) {
                        gate.await(30, TimeUnit.SECONDS);
                    }
                    out.write(chunks[i].getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (Throwable e) {
                serverError = e;
            }
        }, "socket-test-server");
        serving.start();
    }

    private String with(String more) {
        return " WITH ('connector' = 'socket', 'hostname' = '" + InetAddress.getLoopbackAddress().getHostAddress()
                + "', 'port' = '" + server.getLocalPort() + "'" + more + ")";
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        return all;
    }

    @Test
    void linesOfCsvBecomeRowsUntilTheServerCloses() throws Exception {
        // records split across writes, and a last record without its delimiter
        serve(null, "1,alice\n2,b", "ob\n3,carol\n", "4,dave");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE s (id INT, name STRING)" + with(", 'format' = 'csv'"));
        assertEquals(List.of("+I[1, ALICE]", "+I[2, BOB]", "+I[3, CAROL]", "+I[4, DAVE]"),
                rows(env, "SELECT id, UPPER(name) FROM s"));
    }

    @Test
    void rowsArriveWhileTheConnectionStaysOpen() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        serve(gate, "{\"id\": 1, \"name\": \"x\"};{\"id\": 2, \"name\": \"y\"};", "{\"id\": 3, \"name\": \"z\"};");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE s (id INT, name STRING)" + with(", 'format' = 'json', 'byte-delimiter' = '59'"));
        List<String> got = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql("SELECT name, id * 10 FROM s").collect()) {
            got.add(it.next().toString());
            got.add(it.next().toString());
            gate.countDown(); // the third record is sent only after the first two were read
            while (it.hasNext()) {
                got.add(it.next().toString());
            }
        }
        assertEquals(List.of("+I[x, 10]", "+I[y, 20]", "+I[z, 30]"), got);
    }

    @Test
    void anAggregateOverTheStreamWithParallelism() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            sb.append(i % 3).append(',').append(i).append('\n');
        }
        serve(null, sb.toString());
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("CREATE TABLE s (k INT, v BIGINT)" + with(", 'format' = 'csv'"));
        List<String> got = rows(env, "SELECT k, COUNT(*), SUM(v) FROM s GROUP BY k");
        Collections.sort(got);
        assertEquals(List.of("+I[0, 333, 166833]", "+I[1, 334, 167167]", "+I[2, 333, 166500]"), got);
    }

    @Test
    void malformedRecordsGoToTheBadRecordsTableAndTheOthersAreRead(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path tmp) throws Exception {
        serve(null, "1,a\n2,b\nthree,c\n4,d\n5,e,f,g\n6,h\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        String badTable = "CREATE TABLE bad (table_name STRING, source STRING, source_partition INT,"
                + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'filesystem', 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')";
        env.executeSql(badTable);
        env.executeSql("CREATE TABLE s (id INT, name STRING)" + with(", 'format' = 'csv',"
                + " 'sluice.bad-records.table' = 'bad'"));
        assertEquals(List.of("+I[1, a]", "+I[2, b]", "+I[4, d]", "+I[6, h]"), rows(env, "SELECT * FROM s"));
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(badTable);
        List<String> bad = rows(batch, "SELECT table_name, source, source_partition, source_offset, raw_text,"
                + " error LIKE '%(record %' FROM bad");
        Collections.sort(bad);
        String source = "socket 127.0.0.1:" + server.getLocalPort();
        assertEquals(List.of("+I[default_catalog.default_database.s, " + source + ", null, 3, three,c, true]",
                "+I[default_catalog.default_database.s, " + source + ", null, 5, 5,e,f,g, true]"), bad);
    }

    @Test
    void aMalformedRecordIsReportedWithItsPosition() throws Exception {
        serve(null, "1,a\n2,b\nthree,c\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE s (id INT, name STRING)" + with(", 'format' = 'csv'"));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM s"));
        String m = messages(e);
        assertTrue(m.contains("socket 127.0.0.1:" + server.getLocalPort() + " (record 3)"), m);
    }

    @Test
    void badOptionsAndAnUnreachableServerAreClearErrors() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE s (id INT)" + with(", 'format' = 'csv', 'byte-delimeter' = '10'"));
        Exception e = assertThrows(Exception.class, () -> env.executeSql("SELECT * FROM s"));
        assertTrue(messages(e).contains("Did you mean 'byte-delimiter'"), messages(e));
        int port = server.getLocalPort();
        server.close(); // nothing listens there any more
        env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'socket', 'hostname' = '127.0.0.1', 'port' = '"
                + port + "', 'format' = 'csv')");
        e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM t"));
        assertTrue(messages(e).contains("cannot connect to 127.0.0.1:" + port), messages(e));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
