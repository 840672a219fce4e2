package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The avro format on Kafka: one Avro record per message key or value, binary or json encoded. */
class AvroKafkaTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    /** The schema the format derives for (id INT NOT NULL, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)). */
    private static final Schema VALUE_SCHEMA = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"record\","
            + "\"namespace\":\"org.apache.flink.avro.generated\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
            + "{\"name\":\"name\",\"type\":[\"null\",\"string\"],\"default\":null},"
            + "{\"name\":\"price\",\"type\":[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,"
            + "\"scale\":2}],\"default\":null},{\"name\":\"ts\",\"type\":[\"null\",{\"type\":\"long\","
            + "\"logicalType\":\"timestamp-millis\"}],\"default\":null}]}");

    @Test
    @Timeout(60)
    void rowsRoundTripAsAvroBinaryMessages() throws Exception {
        kafka.createTopic("avro_orders", 2);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE orders (id INT NOT NULL, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3))"
                + with("avro_orders", "'format' = 'avro', " + BOUNDED));
        env.executeSql("INSERT INTO orders VALUES (1, 'ann', 9.50, TIMESTAMP '2024-05-06 07:08:09.010'),"
                + " (2, NULL, NULL, NULL)").await();
        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll("avro_orders", "read_uncommitted");
        assertEquals(2, written.size());
        for (ConsumerRecord<byte[], byte[]> r : written) {
            GenericRecord record = new GenericDatumReader<GenericRecord>(VALUE_SCHEMA).read(null,
                    DecoderFactory.get().binaryDecoder(r.value(), null));
            if ((Integer) record.get("id") == 1) {
                assertEquals("ann", record.get("name").toString());
                assertEquals(1714979289010L, record.get("ts"));
            } else {
                assertEquals(null, record.get("name"));
            }
        }
        assertEquals(List.of("+I[1, ann, 9.50, 2024-05-06T07:08:09.010]", "+I[2, null, null, null]"),
                rows(env, "SELECT * FROM orders"));
        assertEquals(List.of("+I[2]"), rows(env, "SELECT COUNT(*) FROM orders"));
    }

    @Test
    @Timeout(60)
    void avroKeysAndJsonEncodedValues() throws Exception {
        kafka.createTopic("avro_keyed", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE keyed (k BIGINT, v STRING)" + with("avro_keyed", "'key.format' = 'avro',"
                + " 'key.fields' = 'k', 'value.format' = 'avro', 'value.avro.encoding' = 'json',"
                + " 'value.fields-include' = 'EXCEPT_KEY', " + BOUNDED));
        env.executeSql("INSERT INTO keyed VALUES (7, 'seven'), (8, CAST(NULL AS STRING))").await();
        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll("avro_keyed", "read_uncommitted");
        assertEquals("{\"v\":{\"string\":\"seven\"}}", new String(written.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(List.of("+I[7, seven]", "+I[8, null]"), rows(env, "SELECT * FROM keyed"));
    }

    @Test
    @Timeout(60)
    void aMalformedMessageIsNamedByItsPosition() throws Exception {
        kafka.createTopic("avro_bad", 1);
        kafka.produceValues("avro_bad", "not avro at all, a long text that is no record");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE bad (id INT NOT NULL, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3))"
                + with("avro_bad", "'format' = 'avro', " + BOUNDED));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM bad"));
        String message = ChangelogFormatsKafkaTest.fullMessage(e);
        assertTrue(message.contains("Malformed Avro message at table default_catalog.default_database.bad, topic"
                + " avro_bad, partition 0, offset 0"), message);
    }
}
