package io.sluice.connector.kafka;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import io.sluice.table.api.TableException;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the topic partitions one parallel instance owns ({@link PartitionOwnership}) with a Kafka consumer that
 * is assigned them directly (no group rebalancing). The position of every owned partition is the checkpointed
 * source position; a restored reader seeks there. New partitions (and, with a pattern, new topics) are picked up
 * every {@code scan.topic-partition-discovery.interval} and read from their earliest offset. A bounded reader
 * stops each partition at its stop offset and ends when all have reached it.
 *
 * <p>With a watermark pushed into the source ({@link io.sluice.runtime.connector.SupportsWatermarkPushDown}), the
 * records of each partition go into batches of their own, and the reader emits the minimum of the partitions'
 * watermarks ({@link PartitionWatermarks}); idle partitions time out after {@code scan.watermark.idle-timeout}
 * (default {@code table.exec.source.idle-timeout}).
 */
final class KafkaSourceReader implements SourceReader {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);

    private final KafkaSourceSpec spec;
    private final ReaderContext context;
    private final RecordBatchBuilder builder;
    /** Null for a plain kafka source; the changelog state of an upsert-kafka source. */
    private final UpsertNormalizer upsert;
    private final Set<TopicPartition> assigned = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> stopOffsets = new HashMap<>();
    private final Set<TopicPartition> finished = new java.util.HashSet<>();
    private Map<TopicPartition, Long> restored;
    private KafkaConsumer<byte[], byte[]> consumer;
    /** Lists topics and partitions with fresh metadata (the consumer's cache refreshes only every few minutes). */
    private Admin admin;
    private OffsetResolver resolver;
    private long nextDiscovery;
    /** The pushed-down watermark expression, or null (then a watermark assigner after the scan makes them). */
    private final io.sluice.runtime.connector.WatermarkSpec watermarkSpec;
    private io.sluice.runtime.connector.WatermarkSpec.Evaluator watermarkEvaluator;
    private PartitionWatermarks watermarks;
    /** The consumer's lag summed over the assigned partitions after the latest poll; -1 while unknown. */
    private volatile long pendingRecords = -1;

    KafkaSourceReader(KafkaSourceSpec spec, ReaderContext context, RecordBatchBuilder builder,
            UpsertNormalizer upsert, io.sluice.runtime.connector.WatermarkSpec watermarkSpec) {
        this.watermarkSpec = watermarkSpec;
        this.spec = spec;
        this.context = context;
        this.builder = builder;
        this.upsert = upsert;
    }

    @Override
    public void restorePosition(byte[] position) throws IOException {
        restored = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                restored.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
            }
            if (upsert != null) {
                upsert.restore(in);
            }
        }
    }

    /**
     * Restores at another parallelism: the offsets of every earlier reader, of which this reader uses those of the
     * partitions it owns now ({@link PartitionOwnership}); a partition no earlier reader had starts as configured.
     * An upsert source's normalizer keeps the latest records of the partitions this reader owns now.
     */
    @Override
    public void restoreRescaledPositions(List<byte[]> positions) throws IOException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (byte[] position : positions) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    offsets.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
                }
                if (upsert != null) {
                    upsert.restoreOwned(in, r -> PartitionOwnership.owner(new TopicPartition(r.topic(),
                            r.partition()), context.parallelism()) == context.subtaskIndex());
                }
            }
        }
        restored = offsets;
    }

    @Override
    public void open() throws Exception {
        if (watermarkSpec != null) {
            watermarkEvaluator = watermarkSpec.newEvaluator(context.config());
            java.time.Duration idle = spec.watermarkIdleTimeout != null ? spec.watermarkIdleTimeout
                    : context.config().get(io.sluice.runtime.config.ExecutionOptions.SOURCE_IDLE_TIMEOUT);
            watermarks = new PartitionWatermarks(idle.toMillis(),
                    spec.watermarkEmitStrategy == KafkaOptions.WatermarkEmitStrategy.ON_EVENT,
                    context.config().get(io.sluice.runtime.config.ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis(),
                    System::currentTimeMillis);
        }
        Properties p = new Properties();
        p.putAll(spec.properties);
        p.put("enable.auto.commit", "false");
        p.putIfAbsent("max.poll.records", String.valueOf(context.batchSize()));
        p.putIfAbsent("client.id", (spec.clientIdPrefix != null ? spec.clientIdPrefix : "sluice-" + spec.tableName)
                + "-" + context.subtaskIndex());
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties adminProperties = new Properties();
        adminProperties.putAll(spec.properties);
        adminProperties.put("client.id", p.getProperty("client.id") + "-admin");
        admin = Admin.create(adminProperties);
        resolver = new OffsetResolver(spec, consumer);
        discover(true);
    }

    /** Assigns owned partitions not yet assigned and seeks them to their start. */
    private void discover(boolean initial) {
        nextDiscovery = System.currentTimeMillis() + spec.discoveryInterval.toMillis();
        List<TopicPartition> found = new ArrayList<>();
        Collection<String> topics = spec.topics;
        try {
            if (spec.topicPattern != null) {
                topics = admin.listTopics().names().get().stream()
                        .filter(t -> spec.topicPattern.matcher(t).matches()).toList();
            }
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
                try {
                    e.getValue().get().partitions().forEach(p -> found.add(new TopicPartition(e.getKey(), p.partition())));
                } catch (ExecutionException missing) {
                    if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw missing;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new TableException("Listing the partitions of table " + spec.tableName + " (" + spec.describeTopics()
                    + ") failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition tp : found) {
            if (!assigned.contains(tp) && PartitionOwnership.owner(tp, context.parallelism()) == context.subtaskIndex()) {
                added.add(tp);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        assigned.addAll(added);
        consumer.assign(assigned);
        Map<TopicPartition, Long> start = initial ? resolver.startOffsets(added) : consumer.beginningOffsets(added);
        for (TopicPartition tp : added) {
            if (watermarks != null) {
                watermarks.add(tp);
            }
            Long offset = restored != null && restored.containsKey(tp) ? restored.get(tp) : start.get(tp);
            consumer.seek(tp, offset);
        }
        if (spec.isBounded()) {
            Map<TopicPartition, Long> stop = resolver.stopOffsets(added);
            stopOffsets.putAll(stop);
            for (TopicPartition tp : added) {
                checkFinished(tp);
            }
        }
    }

    private void checkFinished(TopicPartition tp) {
        if (!finished.contains(tp) && consumer.position(tp) >= stopOffsets.get(tp)) {
            finished.add(tp);
            consumer.pause(List.of(tp));
            if (watermarks != null) {
                watermarks.finished(tp);
            }
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (spec.isBounded()) {
            if (finished.size() == assigned.size()) {
                return endOfInput(output);
            }
        } else if (spec.discoveryInterval.toMillis() > 0 && System.currentTimeMillis() >= nextDiscovery) {
            discover(false);
        }
        if (assigned.isEmpty()) {
            emitWatermark(output);
            return ReadStatus.NOTHING_AVAILABLE;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        updatePendingRecords();
        if (watermarks == null) {
            emitRows(records, output);
        } else {
            // one batch per partition, so that each partition's watermark is computed from its own rows
            for (TopicPartition tp : records.partitions()) {
                long max = emitRows(records.records(tp), output);
                watermarks.onRecords(tp, max);
            }
        }
        if (spec.isBounded()) {
            for (TopicPartition tp : assigned) {
                checkFinished(tp);
            }
        }
        emitWatermark(output);
        if (spec.isBounded() && finished.size() == assigned.size()) {
            return endOfInput(output);
        }
        return records.isEmpty() ? ReadStatus.NOTHING_AVAILABLE : ReadStatus.MORE_AVAILABLE;
    }

    /**
     * Decodes and emits the records before their partition's stop offset; returns the largest watermark value of
     * the rows when a watermark is pushed down, else {@link Long#MIN_VALUE}.
     */
    private long emitRows(Iterable<ConsumerRecord<byte[], byte[]>> records, Output output) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Long stop = stopOffsets.get(new TopicPartition(r.topic(), r.partition()));
            if (stop == null || r.offset() < stop) {
                batch.add(r);
            }
        }
        if (batch.isEmpty()) {
            return Long.MIN_VALUE;
        }
        RowBatch rows;
        if (upsert == null) {
            rows = builder.build(batch);
        } else {
            List<ConsumerRecord<byte[], byte[]>> changes = new ArrayList<>(batch.size());
            List<io.sluice.types.RowKind> kinds = new ArrayList<>(batch.size());
            upsert.apply(batch, changes, kinds);
            rows = builder.build(changes, kinds);
        }
        if (rows.rowCount() == 0) {
            rows.close();
            return Long.MIN_VALUE;
        }
        long max = watermarkEvaluator == null ? Long.MIN_VALUE : watermarkEvaluator.max(rows, context.allocator());
        output.emit(rows);
        return max;
    }

    private void emitWatermark(Output output) throws Exception {
        if (watermarks != null) {
            long wm = watermarks.poll();
            if (wm != Long.MIN_VALUE) {
                output.emitWatermark(wm);
            }
        }
    }

    /** The end of a bounded read: with a pushed-down watermark, the final watermark fires every pending timer. */
    private ReadStatus endOfInput(Output output) throws Exception {
        if (watermarks != null) {
            output.emitWatermark(Long.MAX_VALUE);
        }
        return ReadStatus.END_OF_INPUT;
    }

    @Override
    public boolean isIdle() {
        return watermarks != null && watermarks.isIdle();
    }

    /** Sums the consumer's lag (from the log end offsets of its latest fetches, no request to the broker). */
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

    /** Records the formats found malformed and skipped ({@code <format>.ignore-parse-errors}). */
    @Override
    public long skippedBadRecords() {
        return builder.skippedRecords();
    }

    /** Records in the assigned partitions after the consumer's position (Flink's {@code pendingRecords}). */
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
            if (upsert != null) {
                upsert.snapshot(out);
            }
        }
        if (spec.commitOffsets && spec.properties.containsKey("group.id") && !commit.isEmpty()) {
            consumer.commitAsync(commit, null);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws Exception {
        if (watermarkEvaluator != null) {
            watermarkEvaluator.close();
            watermarkEvaluator = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
