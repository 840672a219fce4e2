package io.sluice.connector.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) started inside the test JVM on free
 * loopback ports, with helpers to create topics, produce and read records.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrap;

    public EmbeddedKafka() throws Exception {
        this(Map.of());
    }

    /** A broker with {@code overrides} added to (or replacing) its configuration. */
    public EmbeddedKafka(Map<String, String> overrides) throws Exception {
        dir = Files.createTempDirectory("kraft");
        int port = freePort();
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.putAll(overrides);
        Path config = dir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            p.store(w, null);
        }
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
            config.toString(), "--standalone"}, new PrintStream(OutputStream.nullOutputStream()));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + rc);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(p), Time.SYSTEM);
        server.startup();
        bootstrap = "127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    public void addPartitions(String name, int total) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createPartitions(Map.of(name, org.apache.kafka.clients.admin.NewPartitions.increaseTo(total)))
                    .all().get();
        }
    }

    /** Waits until consumer group {@code group} has committed {@code offset} (or more) for the partition. */
    public void awaitCommittedOffset(String group, String topic, int partition, long offset) throws Exception {
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.currentTimeMillis() + 20_000;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(tp);
                if (committed != null && committed.offset() >= offset) {
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("group " + group + " committed " + committed + ", not " + offset);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Waits until the topic holds at least {@code count} records. */
    public void awaitRecords(String topic, long count) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            while (consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum() < count) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("timed out waiting for " + count + " records in " + topic);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Writes records (key may be null, value null is a tombstone) to {@code partition} (null: by key). */
    public void produce(String topic, Integer partition, Long timestamp, List<String[]> keyValues) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String[] kv : keyValues) {
                producer.send(new ProducerRecord<>(topic, partition, timestamp, bytes(kv[0]), bytes(kv[1])));
            }
            producer.flush();
        }
    }

    /** Writes values without keys to partition 0. */
    public void produceValues(String topic, String... values) {
        List<String[]> kvs = new ArrayList<>();
        for (String v : values) {
            kvs.add(new String[] {null, v});
        }
        produce(topic, 0, null, kvs);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every record of the topic, read with the given isolation level. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolationLevel) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", isolationLevel);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
            return all;
        }
    }

    /**
     * Waits (at most 10 s) until every transaction on {@code topic} has its commit or abort marker written: a
     * committing producer returns before the broker writes the markers, and until then a {@code read_committed}
     * reader ends before the transaction's records. Returns after the deadline too, so that a transaction left open
     * shows as records missing from a {@code read_committed} read.
     */
    public void awaitTransactionMarkers(String topic) throws InterruptedException {
        Properties committed = new Properties();
        committed.put("bootstrap.servers", bootstrap);
        committed.put("isolation.level", "read_committed");
        Properties uncommitted = new Properties();
        uncommitted.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<byte[], byte[]> stable = new KafkaConsumer<>(committed, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaConsumer<byte[], byte[]> written = new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = written.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!stable.endOffsets(partitions).equals(written.endOffsets(partitions))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /** The values of every record, as text (null for tombstones). */
    public List<String> values(String topic, String isolationLevel) {
        return readAll(topic, isolationLevel).stream()
                .map(r -> r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
