package io.sluice.connector.kafka.datastream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.serialization.SimpleStringSchema;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.connector.kafka.EmbeddedKafka;
import io.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.sluice.connector.kafka.sink.KafkaSink;
import io.sluice.connector.kafka.sink.TransactionNamingStrategy;
import io.sluice.connector.kafka.source.KafkaSource;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.connectors.kafka.partitioner.FlinkFixedPartitioner;
import io.sluice.streaming.connectors.kafka.partitioner.FlinkKafkaPartitioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka connector's builder options beyond the basics, against a real broker: a streaming source with stopping
 * offsets ({@code setUnbounded}), the record serialization schema's partitioner, topic selector, Kafka serializers
 * and headers, and exactly-once transactions named by the pooling strategy across a failure and restore.
 */
class KafkaBuilderOptionsTest {
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

    private static List<String[]> values(String... values) {
        List<String[]> out = new ArrayList<>();
        for (String v : values) {
            out.add(new String[] {null, v});
        }
        return out;
    }

    @Test
    void unboundedSourceStopsAtItsStoppingOffsets() throws Exception {
        kafka.createTopic("stops", 2);
        kafka.produce("stops", 0, null, values("a", "b", "c"));
        kafka.produce("stops", 1, null, values("x", "y"));
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setTopics("stops")
                .setUnbounded(OffsetsInitializer.offsets(Map.of(new TopicPartition("stops", 0), 2L,
                        new TopicPartition("stops", 1), 2L)))
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> counts = new ArrayList<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka Source")
                .map(s -> Tuple2.of(s.compareTo("m") < 0 ? "low" : "high", 1))
                .returns(io.sluice.api.common.typeinfo.Types.TUPLE(io.sluice.api.common.typeinfo.Types.STRING,
                        io.sluice.api.common.typeinfo.Types.INT))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect().forEachRemaining(t -> counts.add(t.toString()));
        counts.sort(null);
        // streaming: one running count per record read; "c" (offset 2 of partition 0) is past the stop
        assertEquals(List.of("(high,1)", "(high,2)", "(low,1)", "(low,2)"), counts);

        KafkaSource<String> bounded = KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                .setTopics("stops").setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        assertEquals(Boundedness.BOUNDED, bounded.getBoundedness());
    }

    /** Reads the even partitions of every topic starting with "subscribed-"; notes that it was opened and closed. */
    public static final class EvenPartitions
            implements io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber {
        static final Set<String> EVENTS = ConcurrentHashMap.newKeySet();

        @Override
        public void open(InitializationContext context) {
            EVENTS.add("open");
        }

        @Override
        public Set<TopicPartition> getSubscribedTopicPartitions(org.apache.kafka.clients.admin.AdminClient admin) {
            Set<TopicPartition> even = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            for (TopicPartition tp : io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber
                    .getTopicPatternSubscriber(Pattern.compile("subscribed-.*")).getSubscribedTopicPartitions(admin)) {
                if (tp.partition() % 2 == 0) {
                    even.add(tp);
                }
            }
            return even;
        }

        @Override
        public void close() {
            EVENTS.add("close");
        }
    }

    /** Notes the rack it gives each reader. */
    static final Set<String> RACKS = ConcurrentHashMap.newKeySet();

    @Test
    void aSubscriberOfOnesOwnDecidesThePartitionsAndEachReaderGetsItsRack() throws Exception {
        kafka.createTopic("subscribed-a", 3);
        for (int p = 0; p < 3; p++) {
            kafka.produce("subscribed-a", p, null, values("a" + p));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> got = new ArrayList<>();
        env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                                .setKafkaSubscriber(new EvenPartitions())
                                .setRackIdSupplier(() -> {
                                    RACKS.add("rack-1");
                                    return "rack-1";
                                })
                                .setBounded(OffsetsInitializer.latest())
                                .setValueOnlyDeserializer(new SimpleStringSchema())
                                .build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .executeAndCollect().forEachRemaining(got::add);
        got.sort(null);
        assertEquals(List.of("a0", "a2"), got);
        assertEquals(Set.of("open", "close"), EvenPartitions.EVENTS);
        assertEquals(Set.of("rack-1"), RACKS);
        // the built-in subscribers
        Set<TopicPartition> partitions = Set.of(new TopicPartition("subscribed-a", 1));
        List<String> one = new ArrayList<>();
        env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                                .setKafkaSubscriber(io.sluice.connector.kafka.source.enumerator.subscriber
                                        .KafkaSubscriber.getPartitionSetSubscriber(partitions))
                                .setBounded(OffsetsInitializer.latest())
                                .setValueOnlyDeserializer(new SimpleStringSchema())
                                .build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .executeAndCollect().forEachRemaining(one::add);
        assertEquals(List.of("a1"), one);
        Exception e = assertThrows(IllegalStateException.class, () -> KafkaSource.<String>builder()
                .setTopics("t").setKafkaSubscriber(new EvenPartitions()));
        assertTrue(e.getMessage().contains("only one of setTopics, setTopicPattern, setPartitions and"
                + " setKafkaSubscriber"), e.getMessage());
    }

    /** The largest event time of the slow topic's records, and fast records further ahead than allowed. */
    static final java.util.concurrent.atomic.AtomicLong SLOW_MAX = new java.util.concurrent.atomic.AtomicLong(-1);
    static final List<String> TOO_FAR = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Two unbounded Kafka sources of one alignment group, each topic with one partition read at parallelism 2 (so
     * each source has a reader without partitions, which must not hold the group back): the fast topic's event time
     * runs a thousand times faster and may not get further ahead of the slow one's than the drift plus one batch.
     */
    @Test
    @Timeout(120)
    void alignedKafkaSourcesWithMoreReadersThanPartitions() throws Exception {
        kafka.createTopic("aligned-fast", 1);
        kafka.createTopic("aligned-slow", 1);
        for (long i = 0; i < 300; i++) {
            kafka.produce("aligned-fast", 0, i * 1000, values("f" + i));
            kafka.produce("aligned-slow", 0, i, values("s" + i));
        }
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "10");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withWatermarkAlignment("topics", java.time.Duration.ofMillis(5000), java.time.Duration.ofMillis(100));
        var slow = env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                        .setTopics("aligned-slow").setValueOnlyDeserializer(new SimpleStringSchema()).build(),
                        strategy.withIdleness(java.time.Duration.ofMillis(300)), "slow")
                .process(new io.sluice.streaming.api.functions.ProcessFunction<String, String>() {
                    @Override
                    public void processElement(String value, Context ctx,
                            io.sluice.util.Collector<String> out) {
                        SLOW_MAX.accumulateAndGet(ctx.timestamp(), Math::max);
                        out.collect(value);
                    }
                });
        var fast = env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap())
                        .setTopics("aligned-fast").setValueOnlyDeserializer(new SimpleStringSchema()).build(),
                        strategy, "fast")
                .process(new io.sluice.streaming.api.functions.ProcessFunction<String, String>() {
                    @Override
                    public void processElement(String value, Context ctx,
                            io.sluice.util.Collector<String> out) {
                        long slowMax = SLOW_MAX.get();
                        if (slowMax < 299 && ctx.timestamp() > Math.max(slowMax, 0) + 5000 + 11 * 1000) {
                            TOO_FAR.add(ctx.timestamp() + " > " + slowMax);
                        }
                        out.collect(value);
                    }
                });
        assertEquals(600, fast.union(slow).executeAndCollect(600).size());
        assertEquals(List.of(), TOO_FAR);
    }

    /** "key=value@offset" of each record (Flink's older record deserialization interface). */
    @SuppressWarnings("deprecation")
    public static final class KeyValueOffset
            implements io.sluice.streaming.connectors.kafka.KafkaDeserializationSchema<String> {
        @Override
        public boolean isEndOfStream(String nextElement) {
            return false;
        }

        @Override
        public String deserialize(ConsumerRecord<byte[], byte[]> record) {
            return (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8)) + "="
                    + new String(record.value(), StandardCharsets.UTF_8) + "@" + record.offset();
        }

        @Override
        public io.sluice.api.common.typeinfo.TypeInformation<String> getProducedType() {
            return io.sluice.api.common.typeinfo.Types.STRING;
        }
    }

    @Test
    void olderKafkaDeserializationSchemaReadsWholeRecords() throws Exception {
        kafka.createTopic("whole", 1);
        List<String[]> records = new ArrayList<>();
        records.add(new String[] {"k1", "a"});
        records.add(new String[] {"k2", "b"});
        kafka.produce("whole", 0, null, records);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> got = new ArrayList<>();
        env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap()).setTopics("whole")
                                .setBounded(OffsetsInitializer.latest())
                                .setDeserializer(io.sluice.connector.kafka.source.reader.deserializer
                                        .KafkaRecordDeserializationSchema.of(new KeyValueOffset()))
                                .build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .executeAndCollect().forEachRemaining(got::add);
        assertEquals(List.of("k1=a@0", "k2=b@1"), got);
    }

    /** The partition is the value's length modulo the number of partitions. */
    public static final class ByLength extends FlinkKafkaPartitioner<String> {
        @Override
        public int partition(String record, byte[] key, byte[] value, String targetTopic, int[] partitions) {
            return partitions[value.length % partitions.length];
        }
    }

    @Test
    void partitionerTopicSelectorKafkaSerializersAndHeaders() throws Exception {
        kafka.createTopic("sel-a", 3);
        kafka.createTopic("sel-b", 3);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData("a", "aa", "aaa", "aaaa", "b", "bb")
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                                .setTopicSelector(s -> "sel-" + s.charAt(0))
                                .setKafkaKeySerializer(StringSerializer.class)
                                .setKafkaValueSerializer(StringSerializer.class)
                                .setPartitioner(new ByLength())
                                .setHeaderProvider(s -> {
                                    RecordHeaders headers = new RecordHeaders();
                                    headers.add("length", String.valueOf(s.length())
                                            .getBytes(StandardCharsets.UTF_8));
                                    return headers;
                                })
                                .build())
                        .build());
        env.execute();
        List<String> got = new ArrayList<>();
        for (String topic : List.of("sel-a", "sel-b")) {
            for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic, "read_uncommitted")) {
                got.add(r.topic() + "/" + r.partition() + " " + new String(r.key(), StandardCharsets.UTF_8) + "="
                        + new String(r.value(), StandardCharsets.UTF_8) + " length:"
                        + new String(r.headers().lastHeader("length").value(), StandardCharsets.UTF_8));
            }
        }
        got.sort(null);
        assertEquals(List.of("sel-a/0 aaa=aaa length:3", "sel-a/1 a=a length:1", "sel-a/1 aaaa=aaaa length:4",
                "sel-a/2 aa=aa length:2", "sel-b/1 b=b length:1", "sel-b/2 bb=bb length:2"), got);
    }

    @Test
    void fixedPartitionerWritesEachWriterToOnePartition() throws Exception {
        kafka.createTopic("fixed-in", 2);
        kafka.createTopic("fixed", 3);
        for (int p = 0; p < 2; p++) {
            List<String[]> values = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                values.add(new String[] {null, "w" + p + "-" + i});
            }
            kafka.produce("fixed-in", p, null, values);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(KafkaSource.<String>builder().setBootstrapServers(kafka.bootstrap()).setTopics("fixed-in")
                                .setBounded(OffsetsInitializer.latest())
                                .setValueOnlyDeserializer(new SimpleStringSchema()).build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                                .setTopic("fixed")
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .setPartitioner(new FlinkFixedPartitioner<>())
                                .build())
                        .build());
        env.execute();
        TreeMap<Integer, Integer> perPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("fixed", "read_uncommitted")) {
            perPartition.merge(r.partition(), 1, Integer::sum);
        }
        // each source reader owns one input partition; writer i (chained to reader i) writes to partition i
        assertEquals(Map.of(0, 20, 1, 20), perPartition, "writer 0 to partition 0, writer 1 to partition 1");
    }

    /** Slows records down so that checkpoints fall in between; fails once, at the 150th record of an instance. */
    public static final class FailOnce implements MapFunction<String, String> {
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

        private int seen;

        @Override
        public String map(String value) throws Exception {
            Thread.sleep(1);
            if (++seen == 150 && FAILED.add("pooling")) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }
    }

    @Test
    @Timeout(120)
    void poolingTransactionNamesAcrossAFailureExactlyOnce() throws Exception {
        kafka.createTopic("pool-in", 2);
        kafka.createTopic("pool-out", 2);
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<String[]> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                values.add(new String[] {null, "p" + p + "-" + i});
                expected.add("p" + p + "-" + i);
            }
            kafka.produce("pool-in", p, null, values);
        }
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(20);
        env.fromSource(KafkaSource.<String>builder()
                                .setBootstrapServers(kafka.bootstrap())
                                .setTopics("pool-in")
                                .setBounded(OffsetsInitializer.latest())
                                .setValueOnlyDeserializer(new SimpleStringSchema())
                                .build(),
                        WatermarkStrategy.noWatermarks(), "Kafka Source")
                .map(new FailOnce())
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(kafka.bootstrap())
                        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                                .setTopic("pool-out")
                                .setValueSerializationSchema(new SimpleStringSchema())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix("pooled-job")
                        .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
                        .build());
        env.execute("pooled");
        assertTrue(FailOnce.FAILED.contains("pooling"), "the failure was injected");
        kafka.awaitTransactionMarkers("pool-out"); // commit markers are written asynchronously
        List<String> got = new ArrayList<>(kafka.values("pool-out", "read_committed"));
        got.sort(null);
        expected.sort(null);
        assertEquals(expected, got);

        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        TreeSet<String> ids = new TreeSet<>();
        long maxNumber = -1;
        Pattern id = Pattern.compile("pooled-job-(\\d+)-(\\d+)");
        try (Admin admin = Admin.create(p)) {
            for (TransactionListing t : admin.listTransactions().all().get()) {
                Matcher m = id.matcher(t.transactionalId());
                if (m.matches()) {
                    ids.add(t.transactionalId());
                    maxNumber = Math.max(maxNumber, Long.parseLong(m.group(2)));
                }
            }
        }
        assertTrue(!ids.isEmpty() && maxNumber < 4, "a few pooled ids, reused over the checkpoints: " + ids);
    }

    @Test
    void builderErrorsNameTheProblem() {
        Exception e = assertThrows(IllegalStateException.class, () -> KafkaRecordSerializationSchema.builder()
                .setTopic("t").setTopicSelector(x -> "u"));
        assertTrue(e.getMessage().contains("already set"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> KafkaRecordSerializationSchema.<String>builder()
                .setTopic("t").setKafkaValueSerializer(StringSerializer.class)
                .setValueSerializationSchema(new SimpleStringSchema()));
        assertTrue(e.getMessage().contains("value serialization is already set"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> KafkaRecordSerializationSchema.<String>builder()
                .setTopic("t").build());
        assertTrue(e.getMessage().contains("setKafkaValueSerializer"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> KafkaSink.<String>builder()
                .setTransactionNamingStrategy(null));
        assertTrue(e.getMessage().contains("transactionNamingStrategy"), e.getMessage());
    }
}
