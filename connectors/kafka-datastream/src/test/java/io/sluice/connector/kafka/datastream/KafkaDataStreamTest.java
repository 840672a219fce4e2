package io.sluice.connector.kafka.datastream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.FlatMapFunction;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.serialization.SimpleStringSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.connector.kafka.EmbeddedKafka;
import io.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.sluice.connector.kafka.sink.KafkaSink;
import io.sluice.connector.kafka.source.KafkaSource;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.util.Collector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink DataStream programs with the Kafka connector (imports renamed), against a real broker: KafkaSource with its
 * builder's options, KafkaSink with each delivery guarantee, and a Kafka-to-Kafka job killed and restored from a
 * checkpoint with every record in the output topic exactly once.
 */
class KafkaDataStreamTest {
    static EmbeddedKafka kafka;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String[]> value(String value) {
        List<String[]> one = new ArrayList<>();
        one.add(new String[] {null, value});
        return one;
    }

    private static List<String[]> keyed(String key, String value) {
        List<String[]> one = new ArrayList<>();
        one.add(new String[] {key, value});
        return one;
    }

    private static List<String> sorted(List<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    /** Flink's word count tokenizer. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }

    @Test
    void wordCountOverABoundedTopic() throws Exception {
        kafka.createTopic("lines", 3);
        for (int p = 0; p < 3; p++) {
            kafka.produce("lines", p, null, List.of(new String[] {null, "to be or not"},
                    new String[] {null, "to be"}));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setTopics("lines")
                .setGroupId("word-count")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        List<String> counts = new ArrayList<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka Source")
                .flatMap(new Tokenizer())
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect().forEachRemaining(t -> counts.add(t.toString()));
        List<String> finals = new ArrayList<>();
        for (String w : List.of("be", "not", "or", "to")) {
            int max = counts.stream().filter(c -> c.startsWith("(" + w + ","))
                    .mapToInt(c -> Integer.parseInt(c.substring(c.indexOf(',') + 1, c.length() - 1))).max()
                    .orElse(0);
            finals.add("(" + w + "," + max + ")");
        }
        assertEquals(List.of("(be,6)", "(not,3)", "(or,3)", "(to,6)"), finals);
        assertEquals(18, counts.size(), "one running count per word read: " + counts);
    }

    private static List<String> readBounded(KafkaSource<String> source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = new ArrayList<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka Source").executeAndCollect()
                .forEachRemaining(out::add);
        return sorted(out);
    }

    @Test
    void startingOffsetsFromATimestampCommittedOffsetsAndSpecificOffsets() throws Exception {
        kafka.createTopic("stamped", 1);
        kafka.produce("stamped", 0, 1000L, value("a"));
        kafka.produce("stamped", 0, 2000L, value("b"));
        kafka.produce("stamped", 0, 3000L, value("c"));
        TopicPartition tp = new TopicPartition("stamped", 0);

        assertEquals(List.of("b", "c"), readBounded(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                .setTopics(List.of("stamped")).setStartingOffsets(OffsetsInitializer.timestamp(1500))
                .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build()));

        assertEquals(List.of("a", "b"), readBounded(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                .setTopicPattern(Pattern.compile("stamp.*")).setBounded(OffsetsInitializer.timestamp(3000))
                .setValueOnlyDeserializer(new SimpleStringSchema()).build()));

        assertEquals(List.of("c"), readBounded(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                .setPartitions(Set.of(tp)).setStartingOffsets(OffsetsInitializer.offsets(Map.of(tp, 2L)))
                .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build()));

        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        p.put("group.id", "committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.commitSync(Map.of(tp, new OffsetAndMetadata(1)));
        }
        assertEquals(List.of("b", "c"), readBounded(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                .setTopics("stamped").setGroupId("committed").setStartingOffsets(OffsetsInitializer.committedOffsets())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(StringDeserializer.class)).build()));

        @SuppressWarnings("deprecation")
        OffsetsInitializer orEarliest = OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        assertEquals(List.of("a", "b", "c"), readBounded(KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrap()).setTopics("stamped").setGroupId("never-committed")
                .setStartingOffsets(orEarliest).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build()));

        Exception e = assertThrows(Exception.class, () -> readBounded(KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrap()).setTopics("stamped").setGroupId("never-committed")
                .setStartingOffsets(OffsetsInitializer.committedOffsets()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build()));
        assertTrue(messages(e).contains("No committed offset for partition(s) [stamped-0]"), messages(e));
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" / ");
        }
        return b.toString();
    }

    /** A reading as "sensor,value": the key is the sensor. */
    public static final class ReadingDeserializer implements KafkaRecordDeserializationSchema<Tuple2<String, Long>> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<String, Long>> out) {
            out.collect(Tuple2.of(new String(record.key(), StandardCharsets.UTF_8),
                    Long.parseLong(new String(record.value(), StandardCharsets.UTF_8))));
        }

        @Override
        public TypeInformation<Tuple2<String, Long>> getProducedType() {
            return Types.TUPLE(Types.STRING, Types.LONG);
        }
    }

    @Test
    @Timeout(90)
    void eventTimeWindowsOverKafkaTimestampsWithAnIdlePartition() throws Exception {
        kafka.createTopic("readings", 2);
        List<String[]> readings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            readings.add(new String[] {"s1", String.valueOf(i + 1)});
        }
        kafka.produce("readings", 0, 1_000L, readings);
        kafka.produce("readings", 0, 2_500L, keyed("s1", "10"));
        kafka.produce("readings", 0, 5_000L, keyed("s1", "100"));
        // watermark 5000 - 500 - 1 = 4499: the windows [0, 2000) and [2000, 4000) fire
        // partition 1 never gets a record: without idleness its reader would hold the watermark back forever
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaSource<Tuple2<String, Long>> source = KafkaSource.<Tuple2<String, Long>>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setTopics("readings")
                .setDeserializer(new ReadingDeserializer())
                .build();
        List<Tuple2<String, Long>> sums = env.fromSource(source,
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(500))
                                .withIdleness(Duration.ofMillis(300)), "Kafka Source")
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .sum(1)
                .executeAndCollect(2);
        assertEquals(List.of(Tuple2.of("s1", 6L), Tuple2.of("s1", 10L)), sums);
    }

    @Test
    void exactlyOnceSinkCommitsWithTheCheckpoints() throws Exception {
        kafka.createTopic("sunk", 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarting());
        env.enableCheckpointing(50);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add("w" + i);
        }
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic("sunk")
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("sunk-job")
                .build();
        env.fromData(words).sinkTo(sink);
        env.execute("to kafka");
        kafka.awaitTransactionMarkers("sunk"); // commit markers are written asynchronously
        assertEquals(sorted(words), sorted(kafka.values("sunk", "read_committed")));
    }

    @Test
    void atLeastOnceSinkWithKeysAndRecordTimestamps() throws Exception {
        kafka.createTopic("keyed", 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData("a", "bb", "ccc")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forMonotonousTimestamps()
                        .withTimestampAssigner((s, ts) -> 1000L * s.length()))
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                                .setTopic("keyed")
                                .setKeySerializationSchema(s -> ("k" + s.length()).getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .build())
                        .build());
        env.execute();
        List<String> got = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("keyed", "read_uncommitted")) {
            got.add(new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8)
                    + "@" + r.timestamp());
        }
        assertEquals(List.of("k1=a@1000", "k2=bb@2000", "k3=ccc@3000"), got);
    }

    private Configuration restarting() {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        return conf;
    }

    /** Slows records down so that checkpoints fall in between; fails once, at the 150th record of an instance. */
    public static final class FailOnce implements MapFunction<String, String> {
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
        private final String name;
        private int seen;

        FailOnce(String name) {
            this.name = name;
        }

        @Override
        public String map(String value) throws Exception {
            Thread.sleep(1);
            if (++seen == 150 && FAILED.add(name)) {
                throw new IllegalStateException("injected failure");
            }
            return value.toUpperCase();
        }
    }

    @Test
    void kafkaToKafkaKilledAndRestoredExactlyOnce() throws Exception {
        kafka.createTopic("in-events", 3);
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            List<String[]> values = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                values.add(new String[] {null, "e" + p + "-" + i});
                expected.add("E" + p + "-" + i);
            }
            kafka.produce("in-events", p, null, values);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarting());
        env.setParallelism(2);
        env.enableCheckpointing(20);
        env.fromSource(KafkaSource.<String>builder()
                                .setBootstrapServers(kafka.bootstrap())
                                .setTopics("in-events")
                                .setGroupId("restored")
                                .setBounded(OffsetsInitializer.latest())
                                .setValueOnlyDeserializer(new SimpleStringSchema())
                                .build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .map(new FailOnce("kafka-to-kafka"))
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                                .setTopic("out-events")
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix("restored-job")
                        .build());
        kafka.createTopic("out-events", 2);
        env.execute("kafka to kafka");
        assertTrue(FailOnce.FAILED.contains("kafka-to-kafka"), "the failure was injected");
        kafka.awaitTransactionMarkers("out-events"); // commit markers are written asynchronously
        assertEquals(sorted(expected), sorted(kafka.values("out-events", "read_committed")));
    }

    /** Passes records through slowly, so that a savepoint falls in the middle of the topic. */
    public static final class Slow implements MapFunction<String, String> {
        @Override
        public String map(String value) throws Exception {
            Thread.sleep(2);
            return value;
        }
    }

    private static void rescaleJob(StreamExecutionEnvironment env, boolean bounded) {
        var builder = KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setTopics("rescaled-in")
                .setValueOnlyDeserializer(new SimpleStringSchema());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "Kafka Source")
                .map(new Slow())
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                                .setTopic("rescaled-out")
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix("rescaled-job")
                        .build());
    }

    @Test
    @Timeout(120)
    void stoppedWithASavepointAndResumedAtAnotherParallelism() throws Exception {
        kafka.createTopic("rescaled-in", 4);
        kafka.createTopic("rescaled-out", 1);
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<String[]> values = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                values.add(new String[] {null, "r" + p + "-" + i});
                expected.add("r" + p + "-" + i);
            }
            kafka.produce("rescaled-in", p, null, values);
        }
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", checkpoints.resolve("chk").toString());
        StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        first.setParallelism(2);
        first.enableCheckpointing(60_000);
        rescaleJob(first, false);
        io.sluice.core.execution.JobClient client = first.executeAsync("before");
        Thread.sleep(300);
        String savepoint = client.stopWithSavepoint(false, checkpoints.resolve("savepoints").toString(),
                io.sluice.core.execution.SavepointFormatType.CANONICAL).get(30, java.util.concurrent.TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, java.util.concurrent.TimeUnit.SECONDS);
        kafka.awaitTransactionMarkers("rescaled-out"); // commit markers are written asynchronously
        int before = kafka.values("rescaled-out", "read_committed").size();
        assertTrue(before > 0 && before < expected.size(), "stopped part way: " + before);

        Configuration resumed = new Configuration();
        resumed.setString("table.exec.batch-size", "8");
        resumed.setString("execution.checkpointing.dir", checkpoints.resolve("chk2").toString());
        resumed.setString("execution.savepoint.path", savepoint);
        StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(resumed);
        second.setParallelism(3);
        rescaleJob(second, true);
        second.execute("after");
        kafka.awaitTransactionMarkers("rescaled-out"); // commit markers are written asynchronously
        assertEquals(sorted(expected), sorted(kafka.values("rescaled-out", "read_committed")));
    }

    @Test
    void buildersNameWhatIsMissing() {
        Exception e = assertThrows(IllegalStateException.class, () -> KafkaSource.<String>builder()
                .setTopics("t").setValueOnlyDeserializer(new SimpleStringSchema()).build());
        assertTrue(e.getMessage().contains("setBootstrapServers"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> KafkaSource.<String>builder()
                .setBootstrapServers("localhost:1").setTopics("t").setTopicPattern(Pattern.compile("x")));
        assertTrue(e.getMessage().contains("only one"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> KafkaSink.<String>builder()
                .setBootstrapServers("localhost:1")
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic("t")
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build());
        assertTrue(e.getMessage().contains("setTransactionalIdPrefix"), e.getMessage());
    }
}
