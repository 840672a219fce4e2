package io.sluice.connector.kafka.source;

import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.sluice.datastream.runtime.BatchBuilder;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.util.Collector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One parallel reader of a {@link KafkaSource}: owns the partitions {@link #owner} assigns it, reads them with a
 * consumer assigned them directly, deserializes each record into serialized stream records (with the Kafka
 * timestamp as the record's timestamp). Position: the next offset of every owned partition.
 */
final class KafkaPartitionReader<T> implements SourceReader {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);
    /** Source options that are not consumer properties. */
    private static final Set<String> SOURCE_OPTIONS = Set.of("partition.discovery.interval.ms", "client.id.prefix",
            "commit.offsets.on.checkpoint", "register.consumer.metrics");

    private final KafkaSource<T> source;
    private final StateSerializer<T> serializer;
    private final ReaderContext context;
    private final Set<TopicPartition> assigned = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> stopOffsets = new HashMap<>();
    private final Set<TopicPartition> finished = new HashSet<>();
    private Map<TopicPartition, Long> restored;
    private KafkaRecordDeserializationSchema<T> deserializer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Admin admin;
    /** This reader's copy of the source's subscriber, or null. */
    private io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber subscriber;
    private long discoveryIntervalMillis;
    private long nextDiscovery;
    private BatchBuilder batches;
    private Output current;
    private final RecordCollector collector = new RecordCollector();
    private volatile long pendingRecords = -1;

    KafkaPartitionReader(KafkaSource<T> source, StateSerializer<T> serializer, ReaderContext context) {
        this.source = source;
        this.serializer = serializer;
        this.context = context;
    }

    /** The reader owning {@code tp}: a topic's partitions go round-robin, from a reader chosen by its name. */
    static int owner(TopicPartition tp, int parallelism) {
        int start = (tp.topic().hashCode() * 31 & 0x7FFFFFFF) % parallelism;
        return (start + tp.partition()) % parallelism;
    }

    @Override
    public void restorePosition(byte[] position) throws IOException {
        restored = read(position);
    }

    /** At another parallelism: the offsets of every earlier reader; this one keeps those of its partitions. */
    @Override
    public void restoreRescaledPositions(List<byte[]> positions) throws IOException {
        restored = new HashMap<>();
        for (byte[] p : positions) {
            restored.putAll(read(p));
        }
    }

    private static Map<TopicPartition, Long> read(byte[] position) throws IOException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
            for (int n = in.readInt(); n > 0; n--) {
                offsets.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
            }
        }
        return offsets;
    }

    @Override
    public void open() throws Exception {
        deserializer = FunctionCopies.copy(source.deserializer);
        deserializer.open(new DeserializationSchema.InitializationContext() { });
        Properties p = new Properties();
        source.properties.stringPropertyNames().stream().filter(k -> !SOURCE_OPTIONS.contains(k))
                .forEach(k -> p.setProperty(k, source.properties.getProperty(k)));
        p.put("enable.auto.commit", "false");
        p.putIfAbsent("max.poll.records", String.valueOf(context.batchSize()));
        String prefix = source.properties.getProperty("client.id.prefix", "sluice-kafka-source");
        p.putIfAbsent("client.id", prefix + "-" + context.subtaskIndex());
        String rack = source.rackIdSupplier == null ? null : source.rackIdSupplier.get();
        if (rack != null && !rack.isEmpty()) {
            p.setProperty("client.rack", rack);
        }
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties adminProperties = new Properties();
        adminProperties.putAll(p);
        adminProperties.put("client.id", p.getProperty("client.id") + "-admin");
        adminProperties.keySet().removeIf(k -> String.valueOf(k).startsWith("key.") || String.valueOf(k)
                .startsWith("value.") || String.valueOf(k).equals("group.id") || String.valueOf(k)
                .equals("enable.auto.commit") || String.valueOf(k).equals("max.poll.records")
                || String.valueOf(k).equals("auto.offset.reset") || String.valueOf(k).equals("isolation.level"));
        admin = Admin.create(adminProperties);
        discoveryIntervalMillis = source.boundedness == Boundedness.BOUNDED ? 0 : Long.parseLong(source.properties
                .getProperty("partition.discovery.interval.ms", String.valueOf(Duration.ofMinutes(5).toMillis())));
        batches = new BatchBuilder(context.allocator(), context.batchSize(), new Output() {
            @Override
            public void emit(RowBatch batch) throws Exception {
                current.emit(batch);
            }

            @Override
            public void emitWatermark(long watermark) throws Exception {
                current.emitWatermark(watermark);
            }
        });
        if (source.subscriber != null) {
            subscriber = FunctionCopies.copy(source.subscriber);
            subscriber.open(new io.sluice.connector.kafka.source.enumerator.subscriber.KafkaSubscriber
                    .InitializationContext() { });
        }
        discover(true);
    }

    /** Assigns the owned partitions not assigned yet and seeks them to their start. */
    private void discover(boolean initial) throws Exception {
        nextDiscovery = System.currentTimeMillis() + discoveryIntervalMillis;
        List<TopicPartition> found = new ArrayList<>();
        if (subscriber != null) {
            found.addAll(subscriber.getSubscribedTopicPartitions((org.apache.kafka.clients.admin.AdminClient) admin));
        } else if (source.partitions != null) {
            found.addAll(source.partitions);
        } else {
            Collection<String> topics = source.topics;
            if (source.topicPattern != null) {
                topics = admin.listTopics().names().get().stream()
                        .filter(t -> source.topicPattern.matcher(t).matches()).toList();
            }
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e
                    : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    e.getValue().get().partitions()
                            .forEach(i -> found.add(new TopicPartition(e.getKey(), i.partition())));
                } catch (ExecutionException missing) {
                    if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("Listing the partitions of " + source.describeTopics()
                                + " failed: " + missing.getCause().getMessage(), missing.getCause());
                    }
                }
            }
        }
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition tp : found) {
            if (!assigned.contains(tp) && owner(tp, context.parallelism()) == context.subtaskIndex()) {
                added.add(tp);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        assigned.addAll(added);
        consumer.assign(assigned);
        OffsetsInitializer.PartitionOffsetsRetriever retriever = new Retriever();
        List<TopicPartition> fresh = added.stream().filter(tp -> restored == null || !restored.containsKey(tp))
                .toList();
        Map<TopicPartition, Long> start = fresh.isEmpty() ? Map.of() : initial
                ? source.startingOffsets.getPartitionOffsets(fresh, retriever) : consumer.beginningOffsets(fresh);
        for (TopicPartition tp : added) {
            consumer.seek(tp, restored != null && restored.containsKey(tp) ? restored.get(tp) : start.get(tp));
        }
        if (source.stoppingOffsets != null) {
            stopOffsets.putAll(source.stoppingOffsets.getPartitionOffsets(added, retriever));
            added.forEach(this::checkFinished);
        }
    }

    private void checkFinished(TopicPartition tp) {
        if (!finished.contains(tp) && consumer.position(tp) >= stopOffsets.get(tp)) {
            finished.add(tp);
            consumer.pause(List.of(tp));
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        current = output;
        boolean stopping = source.stoppingOffsets != null;
        if (stopping && finished.size() == assigned.size()) {
            return ReadStatus.END_OF_INPUT;
        }
        if (discoveryIntervalMillis > 0 && System.currentTimeMillis() >= nextDiscovery) {
            discover(false);
        }
        if (assigned.isEmpty()) {
            return ReadStatus.NOTHING_AVAILABLE;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Long stop = stopOffsets.get(new TopicPartition(r.topic(), r.partition()));
            if (stop != null && r.offset() >= stop) {
                continue;
            }
            collector.record = r;
            try {
                deserializer.deserialize(r, collector);
            } catch (IOException | RuntimeException e) {
                throw new IOException("Deserializing the Kafka record at offset " + r.offset() + " of partition "
                        + r.partition() + " of topic " + r.topic() + " failed: " + e.getMessage(), e);
            }
        }
        batches.flush();
        updatePendingRecords();
        if (stopping) {
            assigned.forEach(this::checkFinished);
            if (finished.size() == assigned.size()) {
                return ReadStatus.END_OF_INPUT;
            }
        }
        return records.isEmpty() ? ReadStatus.NOTHING_AVAILABLE : ReadStatus.MORE_AVAILABLE;
    }

    private void updatePendingRecords() {
        long sum = 0;
        boolean known = false;
        for (TopicPartition tp : assigned) {
            java.util.OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                sum += lag.getAsLong();
                known = true;
            }
        }
        pendingRecords = known ? sum : -1;
    }

    @Override
    public long pendingRecords() {
        return pendingRecords;
    }

    @Override
    public byte[] snapshotPosition() throws IOException {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(assigned.size());
            for (TopicPartition tp : assigned) {
                long position = consumer.position(tp);
                Long stop = stopOffsets.get(tp);
                if (stop != null) {
                    position = Math.min(position, stop);
                }
                out.writeUTF(tp.topic());
                out.writeInt(tp.partition());
                out.writeLong(position);
                commit.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (source.properties.getProperty("group.id") != null && !commit.isEmpty()
                && !"false".equals(source.properties.getProperty("commit.offsets.on.checkpoint"))) {
            consumer.commitAsync(commit, null);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws Exception {
        try {
            if (batches != null) {
                batches.close();
            }
            if (subscriber != null) {
                subscriber.close();
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    /** Collects the deserialized records of one Kafka record, with its timestamp. */
    private final class RecordCollector implements Collector<T> {
        ConsumerRecord<byte[], byte[]> record;

        @Override
        public void collect(T value) {
            try {
                batches.add(serializer, value, record.timestamp() < 0 ? io.sluice.datastream.runtime.RecordBatches
                        .NO_TIMESTAMP : record.timestamp(), false, 0, 0);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot emit a record of Kafka partition " + record.topic() + "-"
                        + record.partition() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
        }
    }

    /** Offsets looked up with the reader's consumer. */
    private final class Retriever implements OffsetsInitializer.PartitionOffsetsRetriever {
        @Override
        public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
            if (source.properties.getProperty("group.id") == null) {
                throw new IllegalStateException("OffsetsInitializer.committedOffsets() needs a consumer group:"
                        + " call setGroupId on the KafkaSource builder");
            }
            Map<TopicPartition, Long> result = new HashMap<>();
            consumer.committed(new HashSet<>(partitions)).forEach((tp, o) -> {
                if (o != null) {
                    result.put(tp, o.offset());
                }
            });
            return result;
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            return consumer.endOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
            return consumer.beginningOffsets(partitions);
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
            return consumer.offsetsForTimes(timestamps);
        }
    }
}
