package io.sluice.python.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.connector.kafka.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A real Kafka broker for the Python tests, in a process of its own: prints {@code bootstrap=<host:port>} on stdout,
 * then answers one JSON request per stdin line with one JSON line: {@code {"op": "create", "topic", "partitions"}},
 * {@code {"op": "produce", "topic", "partition", "timestamp", "records": [[key, value], ...]}} and {@code {"op":
 * "read", "topic", "isolation"}} (answer: the records as {@code [partition, key, value, timestamp]}). The broker
 * stops when stdin ends.
 */
public final class KafkaBroker {
    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // the broker's own output never mixes with the answers
        ObjectMapper mapper = new ObjectMapper();
        try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            out.println("bootstrap=" + kafka.bootstrap());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ObjectNode answer = mapper.createObjectNode();
                try {
                    answer.set("result", handle(kafka, mapper, mapper.readTree(line)));
                } catch (Exception e) {
                    answer.put("error", String.valueOf(e));
                }
                out.println(mapper.writeValueAsString(answer));
            }
        }
        System.exit(0);
    }

    private static JsonNode handle(EmbeddedKafka kafka, ObjectMapper mapper, JsonNode r) throws Exception {
        String topic = r.get("topic").asText();
        switch (r.get("op").asText()) {
            case "create":
                kafka.createTopic(topic, r.path("partitions").asInt(1));
                return mapper.nullNode();
            case "produce": {
                List<String[]> records = new ArrayList<>();
                for (JsonNode kv : r.get("records")) {
                    records.add(new String[] {kv.get(0).isNull() ? null : kv.get(0).asText(),
                        kv.get(1).isNull() ? null : kv.get(1).asText()});
                }
                kafka.produce(topic, r.hasNonNull("partition") ? r.get("partition").asInt() : null,
                        r.hasNonNull("timestamp") ? r.get("timestamp").asLong() : null, records);
                return mapper.nullNode();
            }
            case "read": {
                String isolation = r.path("isolation").asText("read_uncommitted");
                if ("read_committed".equals(isolation)) {
                    kafka.awaitTransactionMarkers(topic);
                }
                ArrayNode all = mapper.createArrayNode();
                for (ConsumerRecord<byte[], byte[]> c : kafka.readAll(topic, isolation)) {
                    ArrayNode a = all.addArray();
                    a.add(c.partition());
                    a.add(c.key() == null ? null : new String(c.key(), StandardCharsets.UTF_8));
                    a.add(c.value() == null ? null : new String(c.value(), StandardCharsets.UTF_8));
                    a.add(c.timestamp());
                }
                return all;
            }
            default:
                throw new IllegalArgumentException("unknown request " + r);
        }
    }
}
