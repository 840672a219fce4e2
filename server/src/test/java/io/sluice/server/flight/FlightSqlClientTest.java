package io.sluice.server.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.JobRegistry;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arrow's own FlightSqlClient against the endpoint: results arrive as columnar Arrow batches. */
class FlightSqlClientTest {
    private static SluiceServer server;
    private static BufferAllocator allocator;
    private static FlightClient client;
    private static FlightSqlClient sql;

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, -1, 0));
        allocator = new RootAllocator();
        client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.flightPort())).build();
        sql = new FlightSqlClient(client);
    }

    @AfterAll
    static void stop() throws Exception {
        sql.close();
        allocator.close();
        server.close();
    }

    /** A new session: without a password, any Basic login opens one and answers its bearer token. */
    private static CredentialCallOption login() {
        return client.authenticateBasicToken("sluice", "").orElseThrow();
    }

    /** CancelFlightInfo stops a query whose result was not fetched yet, and its job. */
    @Test
    void cancelFlightInfoStopsTheQuery() throws Exception {
        CredentialCallOption session = login();
        sql.executeUpdate("CREATE TEMPORARY TABLE forever (id BIGINT) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '100')", session);
        FlightInfo info = sql.execute("SELECT id FROM forever", session);
        JobRegistry.Entry job = server.sessions().jobs().entries().stream()
                .filter(e -> e.name().equals("SELECT id FROM forever")).findFirst().orElseThrow();
        assertEquals(org.apache.arrow.flight.CancelStatus.CANCELLED,
                sql.cancelFlightInfo(new org.apache.arrow.flight.CancelFlightInfoRequest(info), session).getStatus());
        long deadline = System.currentTimeMillis() + 10_000;
        while (!job.client().getJobStatus().isTerminal()) {
            assertTrue(System.currentTimeMillis() < deadline, "the cancelled query's job still runs");
            Thread.sleep(20);
        }
        assertEquals(org.apache.arrow.flight.CancelStatus.NOT_CANCELLABLE,
                sql.cancelFlightInfo(new org.apache.arrow.flight.CancelFlightInfoRequest(info), session).getStatus(),
                "a result already cancelled");
        FlightRuntimeException gone = assertThrows(FlightRuntimeException.class, () -> {
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), session)) {
                stream.next();
            }
        });
        assertEquals(FlightStatusCode.NOT_FOUND, gone.status().code());
    }

    /** GetXdbcTypeInfo lists Sluice's types with their JDBC type codes. */
    @Test
    void xdbcTypeInfo() throws Exception {
        CredentialCallOption session = login();
        FlightInfo info = sql.getXdbcTypeInfo(session);
        java.util.Map<String, Integer> types = new java.util.TreeMap<>();
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), session)) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    types.put(root.getVector("type_name").getObject(i).toString(),
                            ((org.apache.arrow.vector.IntVector) root.getVector("data_type")).get(i));
                }
            }
        }
        assertEquals(java.sql.Types.BIGINT, types.get("BIGINT"));
        assertEquals(java.sql.Types.DECIMAL, types.get("DECIMAL"));
        assertEquals(java.sql.Types.TIMESTAMP, types.get("TIMESTAMP"));
        assertEquals(java.sql.Types.VARCHAR, types.get("VARCHAR"));
        FlightInfo dates = sql.getXdbcTypeInfo(java.sql.Types.DATE, session);
        try (FlightStream stream = sql.getStream(dates.getEndpoints().get(0).getTicket(), session)) {
            assertTrue(stream.next());
            assertEquals(1, stream.getRoot().getRowCount());
            assertEquals("DATE", stream.getRoot().getVector("type_name").getObject(0).toString());
        }
    }

    @Test
    void batchesArriveColumnarAsTheEngineProducesThem() throws Exception {
        CredentialCallOption session = login();
        sql.executeUpdate("SET 'execution.runtime-mode' = 'batch'", session);
        sql.executeUpdate("SET 'table.exec.batch-size' = '1000'", session);
        sql.executeUpdate("CREATE TEMPORARY TABLE seq (id BIGINT, label STRING) WITH ('connector' = 'datagen',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5000',"
                + " 'fields.label.length' = '3')", session);
        FlightInfo info = sql.execute("SELECT id, id * 2 AS twice, label FROM seq", session);
        assertEquals(List.of("id", "twice", "label"), info.getSchema().getFields().stream().map(f -> f.getName())
                .toList());
        assertEquals(new ArrowType.Int(64, true), info.getSchema().getFields().get(1).getType());
        long rows = 0;
        long sum = 0;
        int batches = 0;
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), session)) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                BigIntVector id = (BigIntVector) root.getVector("id");
                BigIntVector twice = (BigIntVector) root.getVector("twice");
                VarCharVector label = (VarCharVector) root.getVector("label");
                assertTrue(root.getRowCount() <= 1000, "batch of " + root.getRowCount());
                for (int i = 0; i < root.getRowCount(); i++) {
                    assertEquals(2 * id.get(i), twice.get(i));
                    assertEquals(3, label.get(i).length);
                    sum += id.get(i);
                }
                rows += root.getRowCount();
                batches++;
            }
        }
        assertEquals(5000, rows);
        assertEquals(5000L * 5001 / 2, sum);
        assertTrue(batches >= 5, batches + " batches");
    }

    @Test
    void aStreamingQueryStreamsUntilTheClientCancels() throws Exception {
        CredentialCallOption session = login();
        sql.executeUpdate("CREATE TEMPORARY TABLE ticks (v BIGINT) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '500')", session);
        FlightInfo info = sql.execute("SELECT v FROM ticks", session);
        assertEquals("op", info.getSchema().getFields().get(0).getName());
        FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), session);
        int batches = 0;
        while (batches < 3 && stream.next()) {
            VectorSchemaRoot root = stream.getRoot();
            if (root.getRowCount() > 0) {
                assertEquals("+I", root.getVector("op").getObject(0).toString());
                batches++;
            }
        }
        assertEquals(3, batches);
        JobRegistry.Entry job = server.sessions().jobs().entries().stream()
                .filter(e -> e.name().equals("SELECT v FROM ticks")).findFirst().orElseThrow();
        assertEquals("RUNNING", job.client().getJobStatus().name());
        stream.cancel("enough", null);
        try {
            stream.close();
        } catch (Exception cancelled) {
            // closing a cancelled stream reports the cancellation
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!job.client().getJobStatus().isTerminal() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("CANCELED", job.client().getJobStatus().name());
    }

    @Test
    void errorsAreFlightStatusesWithTheEnginesMessage() {
        CredentialCallOption session = login();
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class,
                () -> sql.execute("SELECT * FROM nowhere", session));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, e.status().code());
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("line 1, column 15"),
                e.getMessage());
        FlightRuntimeException update = assertThrows(FlightRuntimeException.class,
                () -> sql.executeUpdate("SELECT 1", session));
        assertEquals(CallStatus.INVALID_ARGUMENT.code(), update.status().code());
    }

    @Test
    void flightRunsOnTheEnginesArrowVersion() {
        String vector = jar(VectorSchemaRoot.class);
        String flight = jar(FlightServer.class);
        String version = vector.substring("arrow-vector-".length(), vector.length() - ".jar".length());
        assertEquals("flight-core-" + version + ".jar", flight);
    }

    private static String jar(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
