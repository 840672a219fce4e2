package io.sluice.server.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server bundles the connectors and formats the shell ships: a session over the PostgreSQL wire protocol creates
 * a Kafka table against a real broker, writes it and reads it back, and creates tables of the other connectors and
 * formats (their factories are found).
 */
class ConnectorsOverServerTest {
    @Test
    @Timeout(120)
    void aSessionWritesAndReadsAKafkaTopic() throws Exception {
        try (io.sluice.connector.kafka.EmbeddedKafka kafka = new io.sluice.connector.kafka.EmbeddedKafka(); SluiceServer server = ServerTestSupport.start();
                Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            kafka.createTopic("server_orders", 2);
            s.execute("SET 'execution.runtime-mode' = 'batch'");
            s.execute("SET 'table.dml-sync' = 'true'");
            s.execute("CREATE TABLE orders (id INT, product STRING) WITH ('connector' = 'kafka',"
                    + " 'topic' = 'server_orders', 'properties.bootstrap.servers' = '" + kafka.bootstrap() + "',"
                    + " 'format' = 'json', 'scan.startup.mode' = 'earliest-offset',"
                    + " 'scan.bounded.mode' = 'latest-offset')");
            s.execute("INSERT INTO orders VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");
            List<String> written = new ArrayList<>(kafka.values("server_orders", "read_uncommitted"));
            written.sort(null);
            assertEquals(List.of("{\"id\":1,\"product\":\"apple\"}", "{\"id\":2,\"product\":\"pear\"}",
                    "{\"id\":3,\"product\":\"plum\"}"), written);
            List<String> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, product FROM orders ORDER BY id")) {
                while (rs.next()) {
                    read.add(rs.getInt(1) + ":" + rs.getString(2));
                }
            }
            assertEquals(List.of("1:apple", "2:pear", "3:plum"), read);
        }
    }

    @Test
    @Timeout(60)
    void everyShippedConnectorAndFormatIsFound() throws Exception {
        try (SluiceServer server = ServerTestSupport.start(); Connection c = ServerTestSupport.connect(server);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE up (id INT, v STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                    + " 'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = '127.0.0.1:1',"
                    + " 'key.format' = 'csv', 'value.format' = 'avro')");
            s.execute("CREATE TABLE db (id INT) WITH ('connector' = 'jdbc',"
                    + " 'url' = 'jdbc:postgresql://127.0.0.1:1/db', 'table-name' = 'db')");
            s.execute("CREATE TABLE sock (line STRING) WITH ('connector' = 'socket', 'hostname' = '127.0.0.1',"
                    + " 'port' = '1', 'format' = 'raw')");
            s.execute("CREATE TABLE pq (id INT) WITH ('connector' = 'filesystem', 'path' = '/nonexistent',"
                    + " 'format' = 'parquet', 'parquet.compression' = 'zstd')");
            s.execute("CREATE TABLE cdc (id INT) WITH ('connector' = 'filesystem', 'path' = '/nonexistent',"
                    + " 'format' = 'debezium-json')");
            try (ResultSet rs = s.executeQuery("SHOW TABLES")) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                assertTrue(tables.containsAll(List.of("up", "db", "sock", "pq", "cdc")), tables.toString());
            }
        }
    }
}
