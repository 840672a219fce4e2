package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ARRAY, MAP and ROW values on kafka tables: csv messages with ARRAY and ROW columns written and read back, and the
 * collection-typed metadata of the changelog formats (canal-json {@code pk-names} and {@code sql-type}, maxwell-json
 * {@code primary-key-columns}, debezium-json {@code source.properties}).
 */
class CollectionFormatsKafkaTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    @Test
    @Timeout(60)
    void csvMessagesHoldArraysAndRows() throws Exception {
        kafka.createTopic("csv_nested", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t (id INT, tags ARRAY<STRING>, place ROW<city STRING, zip INT>)"
                + with("csv_nested", "'format' = 'csv', 'csv.array-element-delimiter' = '|', " + BOUNDED));
        env.executeSql("INSERT INTO t VALUES (1, ARRAY['a', 'b'], ROW('Bern', 3000)),"
                + " (2, ARRAY['c'], ROW('Oslo', CAST(NULL AS INT)))").await();
        assertEquals(List.of("1,a|b,Bern|3000", "2,c,Oslo|"), kafka.values("csv_nested", "read_uncommitted").stream()
                .map(String::strip).sorted().toList());
        assertEquals(List.of("+I[1, [a, b], +I[Bern, 3000]]", "+I[2, [c], +I[Oslo, null]]"),
                rows(env, "SELECT * FROM t"));
    }

    @Test
    @Timeout(60)
    void changelogFormatsExposeTheirCollectionMetadata() throws Exception {
        kafka.createTopic("canal_pk", 1);
        kafka.produceValues("canal_pk", "{\"data\":[{\"id\":\"1\"}],\"database\":\"inv\",\"table\":\"p\","
                + "\"pkNames\":[\"id\"],\"sqlType\":{\"id\":4,\"name\":12},\"type\":\"INSERT\"}");
        kafka.createTopic("maxwell_pk", 1);
        kafka.produceValues("maxwell_pk", "{\"database\":\"inv\",\"table\":\"p\",\"type\":\"insert\","
                + "\"data\":{\"id\":2},\"primary_key_columns\":[\"id\",\"v\"]}");
        kafka.createTopic("dbz_props", 1);
        kafka.produceValues("dbz_props", "{\"before\":null,\"after\":{\"id\":3},\"source\":{\"db\":\"shop\","
                + "\"ts_ms\":1589362330000,\"snapshot\":\"true\"},\"op\":\"r\",\"ts_ms\":1589362330904}");
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE canal (id INT, pk ARRAY<STRING> METADATA FROM 'value.pk-names' VIRTUAL,"
                + " types MAP<STRING, INT> METADATA FROM 'value.sql-type' VIRTUAL)"
                + with("canal_pk", "'format' = 'canal-json', " + BOUNDED));
        assertEquals(List.of("+I[1, [id], 4, 12]"), rows(env, "SELECT id, pk, types['id'], types['name'] FROM canal"));
        env.executeSql("CREATE TABLE maxwell (id INT, pk ARRAY<STRING> METADATA FROM 'value.primary-key-columns'"
                + " VIRTUAL)" + with("maxwell_pk", "'format' = 'maxwell-json', " + BOUNDED));
        assertEquals(List.of("+I[2, [id, v]]"), rows(env, "SELECT * FROM maxwell"));
        env.executeSql("CREATE TABLE dbz (id INT, props MAP<STRING, STRING> METADATA FROM 'value.source.properties'"
                + " VIRTUAL)" + with("dbz_props", "'format' = 'debezium-json', " + BOUNDED));
        assertEquals(List.of("+I[3, shop, 1589362330000, true]"),
                rows(env, "SELECT id, props['db'], props['ts_ms'], props['snapshot'] FROM dbz"));
    }
}
